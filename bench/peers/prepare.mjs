// Prepares one corpus for the comparison, in target/peers/CORPUS/: the paragraphs as
// `resolex export` gives them, the scan oracle of the query set, and one static site per
// contender, each built by the contender's own tools from the same paragraphs:
// - resolex/: the widget's engine (www/dist/pkg) and the bundle;
// - pagefind/: one HTML page per document version, a <p id> per paragraph, indexed by the
//   `pagefind` CLI;
// - minisearch/: one record per paragraph, indexed in Node and saved with `JSON.stringify`
//   (MiniSearch's documented way to ship a prebuilt index).
// Writes build.json: how long each contender took to index and how many bytes it wrote.
// Run: node bench/peers/prepare.mjs CORPUS   (after `www/build.sh`; run.sh does both)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { here, root, work, corpora, queries } from './common.mjs';
import { oracle } from './oracle.mjs';
import { miniSearchOptions } from './pages/minisearch-options.js';

const corpus = process.argv[2];
if (!corpora[corpus]) throw new Error(`usage: prepare.mjs ${Object.keys(corpora).join('|')}`);
const out = join(work, corpus);
const resolex = join(root, 'target', 'release', 'resolex');
const dist = join(root, 'www', 'dist');

const seconds = (t) => (performance.now() - t) / 1000;
const bytesUnder = (dir) => readdirSync(dir, { recursive: true })
  .map((f) => statSync(join(dir, f))).filter((s) => s.isFile()).reduce((n, s) => n + s.size, 0);

function exportParagraphs() {
  const json = execFileSync(resolex, [...corpora[corpus].bundleArgs, 'export', '--format', 'json'],
    { maxBuffer: 1 << 30, encoding: 'utf8' });
  return JSON.parse(json).flatMap((d) => d.paragraphs.map((p) => ({
    key: `${d.doc}|${d.lang}|${p.para}`, doc: d.doc, lang: d.lang, para: p.para, title: d.title, text: p.text,
  })));
}

/** The page shared by every contender's site, with the contender's adapter beside it. */
function harness(dir, adapter) {
  mkdirSync(dir, { recursive: true });
  cpSync(join(here, 'pages', 'bench.html'), join(dir, 'bench.html'));
  cpSync(join(here, 'pages', adapter), join(dir, 'adapter.js'));
}

function resolexSite(dir) {
  harness(dir, 'resolex.js');
  for (const f of ['resolex_widget.js', 'resolex_widget_bg.wasm']) cpSync(join(dist, 'pkg', f), join(dir, f));
  cpSync(join(dist, 'parts.js'), join(dir, 'parts.js'));
  // The head and its directory of parts (`resolex build --apart`), as a static host serves them.
  const bundle = corpus === 'default' ? join(dist, 'corpus.rlx') : corpora[corpus].bundleArgs[1];
  cpSync(bundle, join(dir, 'corpus.rlx'));
  rmSync(join(dir, 'corpus.parts'), { recursive: true, force: true });
  cpSync(bundle.replace(/\.rlx$/, '.parts'), join(dir, 'corpus.parts'), { recursive: true });
  const parts = readdirSync(join(dir, 'corpus.parts'));
  const bytes = statSync(join(dir, 'corpus.rlx')).size
    + parts.reduce((n, f) => n + statSync(join(dir, 'corpus.parts', f)).size, 0);
  return { seconds: null, bytes, files: parts.length + 1 };
}

const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const slug = (doc) => doc.replace(/[^A-Za-z0-9.-]+/g, '_');

function pagefindSite(dir, paras) {
  const site = join(dir, 'site');
  const pages = new Map();
  for (const p of paras) {
    const page = `${p.lang}/${slug(p.doc)}.html`;
    if (!pages.has(page)) pages.set(page, { doc: p.doc, lang: p.lang, title: p.title, body: [] });
    pages.get(page).body.push(`<p id="${escapeHtml(p.para)}">${escapeHtml(p.text)}</p>`);
  }
  for (const [page, d] of pages) {
    mkdirSync(join(site, d.lang), { recursive: true });
    writeFileSync(join(site, page), `<!doctype html>\n<html lang="${d.lang}"><head><meta charset="utf-8">`
      + `<title>${escapeHtml(d.doc)}</title></head><body><h1 data-pagefind-meta="title">${escapeHtml(d.doc)}</h1>`
      + `<main data-pagefind-body>\n${d.body.join('\n')}\n</main></body></html>\n`);
  }
  const t = performance.now();
  execFileSync(join(here, 'node_modules', '.bin', 'pagefind'), ['--site', site, '--output-path', join(site, 'pagefind')],
    { stdio: ['ignore', 'ignore', 'inherit'] });
  const took = seconds(t);
  const languages = Object.keys(JSON.parse(readFileSync(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')).languages);
  harness(site, 'pagefind.js');
  writeFileSync(join(site, 'languages.json'), JSON.stringify(languages));
  return { seconds: took, bytes: bytesUnder(join(site, 'pagefind')), pages: pages.size, languages };
}

function miniSearchSite(dir, paras) {
  harness(dir, 'minisearch.js');
  cpSync(join(here, 'pages', 'minisearch-options.js'), join(dir, 'minisearch-options.js'));
  cpSync(join(here, 'node_modules', 'minisearch', 'dist', 'es', 'index.js'), join(dir, 'minisearch-lib.js'));
  const t = performance.now();
  const index = new MiniSearch(miniSearchOptions);
  index.addAll(paras.map((p, id) => ({ id, key: p.key, text: p.text })));
  const json = JSON.stringify(index);
  const took = seconds(t);
  writeFileSync(join(dir, 'index.json'), json);
  return { seconds: took, bytes: Buffer.byteLength(json) };
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const paras = exportParagraphs();
writeFileSync(join(out, 'paragraphs.json'), JSON.stringify(paras));
writeFileSync(join(out, 'oracle.json'), JSON.stringify(oracle(paras, queries)));
const build = {
  paragraphs: paras.length,
  versions: new Set(paras.map((p) => `${p.doc}|${p.lang}`)).size,
  textBytes: paras.reduce((n, p) => n + Buffer.byteLength(p.text), 0),
  resolex: resolexSite(join(out, 'resolex')),
  pagefind: pagefindSite(join(out, 'pagefind'), paras),
  minisearch: miniSearchSite(join(out, 'minisearch'), paras),
};
writeFileSync(join(out, 'build.json'), JSON.stringify(build, null, 1));
console.log(`${corpus}: ${build.paragraphs} paragraphs; pagefind ${build.pagefind.seconds.toFixed(1)} s, `
  + `minisearch ${build.minisearch.seconds.toFixed(1)} s`);
