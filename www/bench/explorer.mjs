// Benchmarks of the web explorer in headless Chromium, written as Markdown to
// target/bench-explorer.md (and printed): sizes of what a visitor downloads, time from
// navigation to first results, and per keystroke the core's search time and the time to the
// updated DOM and to the next frame, over the fixed query set of the core benchmarks
// (bench/src/lib.rs QUERIES), each typed one character at a time.
// Run: www/build.sh && node www/bench/explorer.mjs
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, serve, open, dist, root } from '../tests/harness.mjs';
import { queries, median, pct, f, keystrokes, floorKeystrokes, keystrokeTables } from './typing.mjs';

const RUNS = Number(process.env.RUNS ?? 9);

const kb = (n) => (n / 1024).toFixed(1);

/** Raw, gzip and brotli bytes of files of dist. */
function measure(parts) {
  let raw = 0; let gz = 0; let br = 0;
  for (const f of parts) {
    const b = readFileSync(join(dist, f));
    raw += b.length;
    gz += gzipSync(b, { level: 9 }).length;
    br += brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { raw, gz, br };
}

/** A Markdown table of the sizes of groups of files. */
function table(groups) {
  const rows = Object.entries(groups).map(([name, files]) => {
    const m = measure(files);
    return `| ${name} | ${kb(m.raw)} | ${kb(m.gz)} | ${kb(m.br)} |`;
  });
  return ['| file | raw KB | gzip -9 KB | brotli -q 11 KB |', '| --- | ---: | ---: | ---: |', ...rows].join('\n');
}

const app = ['pkg/resolex_wasm_bg.wasm', 'pkg/resolex_wasm.js', 'main.js', 'start.js', 'parts.js'];
const sizes = () => table({
  'wasm (resolex_wasm_bg.wasm)': ['pkg/resolex_wasm_bg.wasm'],
  'JS (glue + loader)': ['pkg/resolex_wasm.js', 'main.js', 'start.js', 'parts.js'],
  'indexer (resolex_indexer*: fetched only to open a compact bundle)': ['pkg/resolex_indexer_bg.wasm', 'pkg/resolex_indexer.js'],
  'comparison (resolex_compare*: fetched on the first series comparison)': ['pkg/resolex_compare_bg.wasm', 'pkg/resolex_compare.js'],
  'styles + index.html': ['style.css', 'index.html'],
  'default bundle (corpus.rlx)': ['corpus.rlx'],
  'one file (resolex.html)': ['resolex.html'],
  '**app (wasm + JS)** — goal ≤ 250 KB brotli': app,
});

/** What a host page downloads for the widget: widget.js imports the glue and parts.js. */
const widget = ['widget.js', 'pkg/resolex_widget.js', 'parts.js', 'pkg/resolex_widget_bg.wasm'];
const widgetSizes = () => table({
  'widget.js + glue (resolex_widget.js) + parts.js': ['widget.js', 'pkg/resolex_widget.js', 'parts.js'],
  'wasm (resolex_widget_bg.wasm: the engine, no Yew)': ['pkg/resolex_widget_bg.wasm'],
  '**widget code (JS + wasm)** — goal ≤ 150 KB brotli': widget,
  'default bundle (corpus.rlx)': ['corpus.rlx'],
  'all a host page downloads': [...widget, 'corpus.rlx'],
});

/** Milliseconds from navigation start to the first hit in the DOM, cold (new context). */
async function firstResults(browser, url) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await open(browser);
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('#hits .hit')) { window.__first = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(url);
    await page.waitForFunction(() => window.__first !== undefined);
    times.push(await page.evaluate(() => window.__first));
    await page.context().close();
  }
  return times;
}

/** The comparison of 77/20 and 79/136 in each language: cold (a new context for each, so the
 * wasm runs its first, unoptimised tier) and warm (the same page, every language a second time).
 * Per visit: the core's time (decode both versions and compare, \`data-compare-ms\`) and the time
 * from the hash change to the comparison painted. */
async function comparisons(browser, base) {
  const LANGS = ['en', 'fr', 'es', 'ru', 'ar', 'zh'];
  const visit = (page, lang) => page.evaluate(async (lang) => {
    const t0 = performance.now();
    location.hash = `#/diff/A/RES/77/20..A/RES/79/136?lang=${lang}`;
    const done = () => document.querySelector(`.compare[lang="${lang}"] .summary`);
    if (!done()) {
      await new Promise((r) => {
        const obs = new MutationObserver(() => { if (done()) { obs.disconnect(); r(); } });
        obs.observe(document.body, { subtree: true, childList: true, attributes: true });
      });
    }
    await new Promise((r) => requestAnimationFrame(() => r()));
    return { core: Number(done().dataset.compareMs), painted: performance.now() - t0 };
  }, lang);
  const cold = { core: [], painted: [] }; const warm = { core: [], painted: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const lang of LANGS) {
      const page = await open(browser);
      await page.goto(`${base}#/search`);
      await page.locator('#q').waitFor();
      const t = await visit(page, lang);
      cold.core.push(t.core); cold.painted.push(t.painted);
      await page.context().close();
    }
  }
  const page = await open(browser);
  await page.goto(`${base}#/search`);
  await page.locator('#q').waitFor();
  for (let round = 0; round < RUNS + 1; round++) {
    for (const lang of LANGS) {
      const t = await visit(page, lang);
      if (round > 0) { warm.core.push(t.core); warm.painted.push(t.painted); }
      await page.evaluate(() => { location.hash = '#/search'; });
      await page.locator('#q').waitFor();
    }
  }
  await page.context().close();
  return { cold, warm };
}

const browser = await launch();
const site = await serve(dist);
const chromium = browser.version();
const http = await firstResults(browser, `${site.url}#/search?q=police`);
const file = await firstResults(browser, `${pathToFileURL(join(dist, 'resolex.html')).href}#/search?q=police`);
const k = await keystrokes(browser, `${site.url}#/search`);
const floor = await floorKeystrokes(browser);
const cmp = await comparisons(browser, site.url);
await browser.close();
await site.close();

const md = `### Web explorer (headless Chromium ${chromium}, \`node www/bench/explorer.mjs\`)

Sizes of \`www/dist/\` (what a visitor downloads):

${sizes()}

Widget (\`<resolex-search>\`), what a host page downloads:

${widgetSizes()}

Navigation to first results (\`#/search?q=police\`, new browser context each run, ${RUNS} runs):

| page | median ms | p95 ms |
| --- | ---: | ---: |
| static files over HTTP (index.html + wasm + corpus.rlx) | ${f(median(http))} | ${f(pct(http, 95))} |
| one file from disk (resolex.html, file://) | ${f(median(file))} | ${f(pct(file, 95))} |

${keystrokeTables(k, floor, 1)}
Series comparison \`#/diff/A/RES/77/20..A/RES/79/136\` (58 → 68 paragraphs), six languages × ${RUNS} runs, cold and warm:

| measure | median ms | p95 ms | max ms |
| --- | ---: | ---: | ---: |
| core in wasm, first visit of a new page: decode both versions, fetch the comparison's wasm, compare — goal ≤ 20 | ${f(median(cmp.cold.core))} | ${f(pct(cmp.cold.core, 95))} | ${f(Math.max(...cmp.cold.core))} |
| core in wasm, again in the same page — goal ≤ 20 | ${f(median(cmp.warm.core))} | ${f(pct(cmp.warm.core, 95))} | ${f(Math.max(...cmp.warm.core))} |
| hash change → comparison painted, first visit | ${f(median(cmp.cold.painted))} | ${f(pct(cmp.cold.painted, 95))} | ${f(Math.max(...cmp.cold.painted))} |
| hash change → comparison painted, again | ${f(median(cmp.warm.painted))} | ${f(pct(cmp.warm.painted, 95))} | ${f(Math.max(...cmp.warm.painted))} |
`;
mkdirSync(join(root, 'target'), { recursive: true });
writeFileSync(join(root, 'target', 'bench-explorer.md'), md);
console.log(md);
