// The scan oracle: which paragraphs a query should find, by a plain scan of the texts with
// regular expressions — no code of Resolex or of any contender. Text and query are normalized
// as SPEC §4 says (NFKC, lower case, combining marks removed in Latin, Greek and Cyrillic).
// Footnote markers (superscript digits, signs and parentheses: `Crime¹⁰`, `⁽⁷⁾`) are not part of
// the word they follow: NFKC would make that `crime10`, so they become spaces first.
//
// - word, arabic: every word of the query appears as a whole word;
// - prefix: the last word starts a word, the others appear whole;
// - phrase: the words in a row, as whole words, with only spaces or punctuation between;
// - typo: the word meant (`intended`) appears as a whole word;
// - chinese: the text contains the query.

const edge = '[\\p{L}\\p{N}\\p{M}]';

export function normalize(s) {
  return s
    .replace(/[\u00B9\u00B2\u00B3\u2070\u2074-\u2079\u207A\u207B\u207D\u207E]+/gu, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
    .normalize('NFC');
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordsOf = (s) => normalize(s).split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
const whole = (w) => `(?<!${edge})${escape(w)}(?!${edge})`;
const start = (w) => `(?<!${edge})${escape(w)}`;

/** The tests a paragraph's normalized text must all pass for `query` to find it. */
export function tests(query) {
  const words = wordsOf(query.text);
  const re = (source) => new RegExp(source, 'u');
  switch (query.class) {
    case 'word':
    case 'arabic':
      return words.map((w) => re(whole(w)));
    case 'prefix':
      return words.map((w, i) => re(i === words.length - 1 ? start(w) : whole(w)));
    case 'phrase':
      return [re(words.map(whole).join(`[^\\p{L}\\p{N}\\p{M}]+`))];
    case 'typo':
      return [re(whole(normalize(query.intended)))];
    case 'chinese':
      return [re(escape(normalize(query.text)))];
    default:
      throw new Error(`query class ${query.class} has no oracle`);
  }
}

/** For every query, the keys of the paragraphs it should find, in corpus order. */
export function oracle(paragraphs, queries) {
  const texts = paragraphs.map((p) => normalize(p.text));
  return Object.fromEntries(queries.map((q) => {
    const all = tests(q);
    return [q.text, paragraphs.filter((_, i) => all.every((t) => t.test(texts[i]))).map((p) => p.key)];
  }));
}
