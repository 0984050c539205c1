// MiniSearch's options, the same when the index is built (prepare.mjs, in Node) and loaded
// (minisearch.js, in the page): one field, the key and text stored to show results.
export const miniSearchOptions = {
  fields: ['text'],
  storeFields: ['key', 'text'],
};

/**
 * The search options of MiniSearch's documentation for search as you type (prefix and fuzzy
 * matching), with AND so that every word must match, as in Resolex and Pagefind.
 */
export const searchOptions = { prefix: true, fuzzy: 0.2, combineWith: 'AND' };
