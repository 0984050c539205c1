// Measures every contender on one prepared corpus in one headless Chromium session (Debian's
// chromium): cold first results (bytes and time), per-query latency, JS heap, and recall and
// precision against the scan oracle. Writes target/peers/CORPUS/browser.json.
// Run: node bench/peers/browser.mjs CORPUS   (after prepare.mjs; run.sh does both)
import { launch } from '../../www/tests/harness.mjs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { work, corpora, queries, serve } from './common.mjs';

const corpus = process.argv[2];
if (!corpora[corpus]) throw new Error(`usage: browser.mjs ${Object.keys(corpora).join('|')}`);
const RUNS = Number(process.env.RUNS ?? 5);
const dir = join(work, corpus);
const oracle = JSON.parse(readFileSync(join(dir, 'oracle.json'), 'utf8'));
const first = queries[0];

/** Each contender: its site, and whether it runs the whole set or only the cold start. */
const contenders = [
  { name: 'Resolex', site: 'resolex', params: '' },
  { name: 'Pagefind', site: 'pagefind/site', params: '' },
  { name: 'Pagefind, English index only', site: 'pagefind/site', params: '&langs=en', coldOnly: true },
  { name: 'MiniSearch', site: 'minisearch', params: '' },
];

const browser = await launch(['--enable-precise-memory-info', '--enable-blink-features=ForceEagerMeasureMemory',
  '--js-flags=--expose-gc']);

/** A fresh context (empty cache) and page, failing on any page error. */
async function freshPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(e.message));
  return { context, page };
}

async function load(page, server, contender) {
  const url = `${server.url}bench.html?first=${encodeURIComponent(first.text)}&class=${first.class}${contender.params}`;
  await page.goto(url);
  await page.waitForFunction(() => window.marks?.done, null, { timeout: 600_000, polling: 50 });
  const marks = await page.evaluate(() => window.marks);
  if (marks.error || page.problems.length) throw new Error(`${contender.name}: ${marks.error ?? page.problems.join('; ')}`);
  return marks;
}

/** Bytes of the responses (compressed bodies, the page included) that ended by `ms`. */
const bytesBy = (page, ms) => page.evaluate((ms) => {
  const nav = performance.getEntriesByType('navigation')[0];
  return nav.encodedBodySize + performance.getEntriesByType('resource')
    .filter((r) => r.responseEnd <= ms).reduce((n, r) => n + r.encodedBodySize, 0);
}, ms);

async function cold(server, contender) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { context, page } = await freshPage();
    const marks = await load(page, server, contender);
    runs.push({ ready: marks.ready, results: marks.results, hits: marks.hits,
      bytesReady: await bytesBy(page, marks.ready), bytesResults: await bytesBy(page, marks.results) });
    await context.close();
  }
  return runs;
}

/** Per query: `RUNS` timings of its best 10 with text, the first one apart; the heap after it. */
async function latency(page, cdp) {
  const out = [];
  let peakHeap = 0;
  for (const q of queries) {
    const ms = await page.evaluate(async ([q, runs]) => {
      const times = [];
      for (let i = 0; i < runs; i += 1) {
        const t = performance.now();
        await window.adapter.top(q);
        times.push(performance.now() - t);
      }
      return times;
    }, [q, RUNS]);
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    peakHeap = Math.max(peakHeap, usedSize);
    out.push({ query: q.text, class: q.class, first: ms[0], repeat: ms.slice(1) });
  }
  return { queries: out, peakHeap };
}

const pageOf = (key) => key.split('|').slice(0, 2).join('|');

/** How many of `found` are `relevant`, and the first few relevant ones missed. */
function score(found, relevant) {
  const got = new Set(found);
  return { found: got.size, relevant: relevant.size, hit: [...got].filter((k) => relevant.has(k)).length,
    missed: [...relevant].filter((k) => !got.has(k)).slice(0, 3) };
}

/**
 * Per query: recall and precision of everything the contender finds against the oracle, by
 * paragraph and by page (document version: Pagefind's own unit).
 */
async function quality(page) {
  const out = [];
  for (const q of queries) {
    const found = await page.evaluate((q) => window.adapter.all(q), q);
    const relevant = oracle[q.text];
    out.push({ query: q.text, class: q.class, paragraphs: score(found.keys, new Set(relevant)),
      pages: score(found.pages ?? found.keys.map(pageOf), new Set(relevant.map(pageOf))) });
  }
  return out;
}

/** All the memory of the page (JS heaps, wasm memories, DOM), as Chromium measures it. */
const pageMemory = (page) => page.evaluate(async () => {
  window.gc?.();
  return (await performance.measureUserAgentSpecificMemory()).bytes;
});

const results = {};
for (const contender of contenders) {
  const server = await serve(join(dir, contender.site));
  const warm = await freshPage();
  await load(warm.page, server, contender); // fills the server's brotli cache; not measured
  await warm.context.close();
  const entry = { cold: await cold(server, contender) };
  if (!contender.coldOnly) {
    const { context, page } = await freshPage();
    const cdp = await context.newCDPSession(page);
    await load(page, server, contender);
    entry.latency = await latency(page, cdp);
    entry.memory = await pageMemory(page);
    entry.quality = await quality(page);
    if (page.problems.length) throw new Error(`${contender.name}: ${page.problems.join('; ')}`);
    await context.close();
  }
  results[contender.name] = entry;
  await server.close();
  console.log(`${corpus}: ${contender.name} measured`);
}
writeFileSync(join(dir, 'browser.json'), JSON.stringify({
  chromium: browser.version(), runs: RUNS, first, results,
}, null, 1));
await browser.close();
