// MiniSearch as a contender: the prebuilt index (index.json) loaded with loadJSON.
import MiniSearch from './minisearch-lib.js';
import { miniSearchOptions, searchOptions } from './minisearch-options.js';

let index;

export async function ready() {
  const json = await (await fetch('./index.json')).text();
  index = MiniSearch.loadJSON(json, miniSearchOptions);
}

// MiniSearch has no phrase or typo syntax: every query is its words, searched with the
// options above (fuzzy matching is always on).
export async function top(q, limit = 10) {
  return index.search(q.text, searchOptions).slice(0, limit).map((r) => ({ key: r.key, text: r.text }));
}

export async function all(q) {
  return { keys: index.search(q.text, searchOptions).map((r) => r.key) };
}
