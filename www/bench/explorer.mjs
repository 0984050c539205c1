// Benchmarks of the web explorer in headless Chromium, written as Markdown to
// target/bench-explorer.md (and printed): sizes of what a visitor downloads, time from
// navigation to first results, and per keystroke the core's search time and the time to the
// updated DOM and to the next frame, over the fixed query set of the core benchmarks
// (bench/src/lib.rs QUERIES), each typed one character at a time.
// Run: www/build.sh && node www/bench/explorer.mjs
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, serve, open, dist, root } from '../tests/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const queries = [...readFileSync(join(root, 'bench/src/lib.rs'), 'utf8')
  .split('pub const QUERIES')[1].split('];')[0].matchAll(/^\s*"((?:[^"\\]|\\.)*)",/gm)].map((m) => JSON.parse(`"${m[1]}"`));

const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

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

/**
 * The floor of the keystroke measure: a page that answers each keystroke by writing the text
 * typed into \`.hit-count\`, in a microtask as the explorer's scheduler does, and nothing else.
 * Typed the same way, it shows what the measure costs a page that does no work.
 */
const FLOOR_PAGE = `<!doctype html><meta charset="utf-8"><title>floor</title><link rel="icon" href="data:,"><input id="q"><p class="hit-count"></p>
<script>
const box = document.getElementById('q'), count = document.querySelector('.hit-count');
box.addEventListener('input', () => queueMicrotask(() => {
  count.textContent = box.value; count.dataset.query = box.value; count.dataset.searchMs = '0';
}));
</script>`;

/** Types every query of the set one character at a time; per keystroke: core, DOM, frame. */
async function keystrokes(browser, url) {
  const page = await open(browser);
  await page.goto(url);
  await page.locator('#q').waitFor();
  const core = []; const dom = []; const frame = [];
  // The same wait with nothing typed: from a moment as far into a frame as a keystroke's (just
  // after a frame and one round trip to the page) to the next frame. No page paints sooner.
  const idle = [];
  // Whether the keystroke is of the first round: the default bundle is apart, so a query typed
  // the first time may wait for parts over HTTP; the later rounds have them.
  const first = [];
  for (let round = 0; round < 3; round++) {
    for (const q of queries) {
      for (let n = 1; n <= [...q].length; n++) {
        const typed = [...q].slice(0, n).join('');
        idle.push(await page.evaluate(async () => {
          const t0 = performance.now();
          await new Promise((r) => requestAnimationFrame(() => r()));
          return performance.now() - t0;
        }));
        const t = await page.evaluate(async (typed) => {
          const box = document.getElementById('q');
          const count = () => document.querySelector('.hit-count');
          const t0 = performance.now();
          box.value = typed;
          box.dispatchEvent(new InputEvent('input', { bubbles: true }));
          // Wait for the DOM to say so: a MutationObserver hears it at once (polling with
          // timers would add their clamping to the figure).
          if (count()?.dataset.query !== typed) {
            await new Promise((r) => {
              const obs = new MutationObserver(() => { if (count()?.dataset.query === typed) { obs.disconnect(); r(); } });
              obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            });
          }
          const t1 = performance.now();
          await new Promise((r) => requestAnimationFrame(() => r()));
          const t2 = performance.now();
          return { core: Number(count().dataset.searchMs), dom: t1 - t0, frame: t2 - t0 };
        }, typed);
        core.push(t.core); dom.push(t.dom); frame.push(t.frame); first.push(round === 0);
      }
    }
  }
  if (page.problems.length) throw new Error(page.problems.join('\n'));
  await page.context().close();
  return { core, dom, frame, first, idle };
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
const floorDir = mkdtempSync(join(tmpdir(), 'resolex-floor-'));
writeFileSync(join(floorDir, 'index.html'), FLOOR_PAGE);
const floorSite = await serve(floorDir);
const floor = await keystrokes(browser, floorSite.url);
await floorSite.close();
rmSync(floorDir, { recursive: true, force: true });
const cmp = await comparisons(browser, site.url);
await browser.close();
await site.close();

const f = (x) => x.toFixed(2);
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

Per keystroke, ${queries.length} queries of the core benchmark typed one character at a time, three rounds (${k.core.length} keystrokes):

| measure | median ms | p95 ms | max ms |
| --- | ---: | ---: | ---: |
| core search in wasm (performance.now around the call) — goal p95 ≤ 1 | ${f(median(k.core))} | ${f(pct(k.core, 95))} | ${f(Math.max(...k.core))} |
| input event → results in the DOM | ${f(median(k.dom))} | ${f(pct(k.dom, 95))} | ${f(Math.max(...k.dom))} |
| input event → next animation frame (painted) — goal ≤ 16 | ${f(median(k.frame))} | ${f(pct(k.frame, 95))} | ${f(Math.max(...k.frame))} |
| nothing typed → next animation frame (the wait for a frame alone) | ${f(median(k.idle))} | ${f(pct(k.idle, 95))} | ${f(Math.max(...k.idle))} |
| the floor: a page that only writes what was typed, input event → painted | ${f(median(floor.frame))} | ${f(pct(floor.frame, 95))} | ${f(Math.max(...floor.frame))} |

The same keystrokes by round: the first, where a query's parts may still be on their way over
HTTP, and the second and third, where every part it needs is in:

| measure, p50 / p95 ms | first round | later rounds |
| --- | ---: | ---: |
${['core', 'dom', 'frame'].map((key) => {
  const name = { core: 'core search in wasm', dom: 'input event → results in the DOM', frame: 'input event → painted' }[key];
  const of = (wanted) => k[key].filter((_, i) => k.first[i] === wanted);
  return `| ${name} | ${f(median(of(true)))} / ${f(pct(of(true), 95))} | ${f(median(of(false)))} / ${f(pct(of(false), 95))} |`;
}).join('\n')}

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
