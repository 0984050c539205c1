// Turns the measurements in target/peers/CORPUS/{build,browser,native}.json into Markdown
// tables, written to target/peers/report.md and — when every corpus was measured, so that a
// partial run never drops tables — into BENCHMARKS.md between the markers
// `<!-- peers:begin -->` and `<!-- peers:end -->`.
// Run: node bench/peers/report.mjs default sessions   (run.sh does)
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import { root, here, work, corpora, median, percentile } from './common.mjs';

const names = process.argv.slice(2);
const read = (corpus, file) => JSON.parse(readFileSync(join(work, corpus, file), 'utf8'));
const kb = (n) => (n / 1024).toLocaleString('en', { maximumFractionDigits: n < 10240 ? 1 : 0 });
const mb = (n) => (n / 1048576).toLocaleString('en', { maximumFractionDigits: 1 });
const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
const us = (x) => (x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const pct = (hit, of) => (of > 0 ? `${((100 * hit) / of).toFixed(1)}%` : '—');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map((h, i) => (i ? '---:' : '---')).join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function versions(chromium) {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  const crate = (name) => lock.match(new RegExp(`name = "${name}"\\nversion = "([^"]+)"`))?.[1];
  const npm = (name) => JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
  const git = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const rustc = execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim();
  return `Resolex ${git} (widget engine, wasm-release profile); Pagefind ${npm('pagefind')} (npm, extended build); `
    + `MiniSearch ${npm('minisearch')}; tantivy ${crate('tantivy')}; Chromium ${chromium} (Debian, headless); `
    + `Node ${process.versions.node}; ${rustc}.`;
}

function machine() {
  return `${cpus()[0].model.trim()}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}`;
}

function coldTable(b, build) {
  const rows = Object.entries(b.results).map(([name, e]) => {
    const m = (f) => median(e.cold.map(f));
    return { name, ready: m((c) => c.ready), results: m((c) => c.results), bytesReady: m((c) => c.bytesReady),
      bytesResults: m((c) => c.bytesResults) };
  });
  const [resolex] = rows;
  return table(['contender', 'KB before the first keystroke', 'KB up to first results', 'ms to ready',
    'ms to first results', 'Resolex / peer: time, bytes'], rows.map((r) => [r.name, kb(r.bytesReady),
    kb(r.bytesResults), ms(r.ready), ms(r.results),
    r === resolex ? '' : `${ratio(resolex.results, r.results)}, ${ratio(resolex.bytesResults, r.bytesResults)}`]))
    + `\n\nIndex as built (bytes on disk, before compression): Resolex bundle ${kb(build.resolex.bytes)} KB `
    + `(texts included); Pagefind ${kb(build.pagefind.bytes)} KB in its bundle directory (${build.pagefind.pages} pages, `
    + `indexed in ${build.pagefind.seconds.toFixed(1)} s by \`pagefind\`); MiniSearch ${kb(build.minisearch.bytes)} KB of `
    + `JSON (texts stored, indexed in ${build.minisearch.seconds.toFixed(1)} s in Node).`;
}

function latencyTable(b) {
  const rows = Object.entries(b.results).filter(([, e]) => e.latency).map(([name, e]) => {
    const first = e.latency.queries.map((q) => q.first);
    const repeat = e.latency.queries.flatMap((q) => q.repeat);
    return { name, first, repeat, heap: e.latency.peakHeap, memory: e.memory };
  });
  const [resolex] = rows;
  return table(['contender', 'first time p50 ms', 'first time p95 ms', 'again p50 ms', 'again p95 ms',
    'peak JS heap MB', 'page memory MB (JS + wasm + DOM)', 'Resolex / peer: p50 first, p95 first, memory'],
  rows.map((r) => [r.name, ms(median(r.first)), ms(percentile(r.first, 95)), ms(median(r.repeat)),
    ms(percentile(r.repeat, 95)), mb(r.heap), mb(r.memory),
    r === resolex ? '' : `${ratio(median(resolex.first), median(r.first))}, `
      + `${ratio(percentile(resolex.first, 95), percentile(r.first, 95))}, ${ratio(resolex.memory, r.memory)}`]));
}

const classes = ['word', 'prefix', 'phrase', 'typo', 'chinese', 'arabic'];

/** Recall and precision per class, summed over its queries (queries with no relevant paragraph count for precision only). */
function qualityTable(b, native) {
  const engines = Object.entries(b.results).filter(([, e]) => e.quality)
    .map(([name, e]) => ({ name, rows: e.quality.map((q) => ({ class: q.class, ...q.paragraphs, pages: q.pages })) }));
  engines.push({ name: 'tantivy (native)', rows: native.tantivy.queries.map((q) => ({ class: q.class, ...q.paragraphs })) });
  const cell = (rows) => {
    const sum = (f) => rows.reduce((n, r) => n + f(r), 0);
    return `${pct(sum((r) => r.hit), sum((r) => r.relevant))} / ${pct(sum((r) => r.hit), sum((r) => r.found))}`;
  };
  const body = classes.map((c) => [c, ...engines.map((e) => cell(e.rows.filter((r) => r.class === c)))]);
  body.push(['**all**', ...engines.map((e) => cell(e.rows))]);
  const pagefind = engines.find((e) => e.name === 'Pagefind');
  const pages = pagefind.rows.map((r) => ({ class: r.class, ...r.pages }));
  body.push(['all, by page (Pagefind\'s unit)', ...engines.map((e) => (e === pagefind ? cell(pages) : ''))]);
  return table(['class', ...engines.map((e) => `${e.name} recall / precision`)], body);
}

function missesList(b) {
  const lines = [];
  for (const [name, e] of Object.entries(b.results)) {
    for (const q of e.quality ?? []) {
      const p = q.paragraphs;
      if (p.hit < p.relevant) lines.push(`${name} "${q.query}" (${q.class}): ${p.hit} of ${p.relevant}`);
    }
  }
  return lines.length ? lines.map((l) => `- ${l}`).join('\n') : '- none';
}

function nativeTable(n) {
  const full = n.resolex.queries.map((q) => q.full_us);
  const rank = n.resolex.queries.map((q) => q.rank_us);
  const top = n.resolex.queries.map((q) => q.top_us);
  const tan = n.tantivy.queries.map((q) => q.us);
  const t50 = median(tan); const t95 = percentile(tan, 95);
  // Each query's own ratio to tantivy on the same query, timed in turn with it; their median and
  // geometric mean do not hang on where the median of tantivy's 36 times happens to fall.
  const perQuery = (xs) => xs.map((x, i) => x / tan[i]);
  const geomean = (rs) => Math.exp(rs.reduce((s, r) => s + Math.log(r), 0) / rs.length);
  const row = (name, xs, build, bytes) => [name, build, bytes, us(median(xs)), us(percentile(xs, 95)),
    `${ratio(median(xs), t50)}, ${ratio(percentile(xs, 95), t95)}`,
    xs === tan ? '' : `${ratio(median(perQuery(xs)), 1)}, ${ratio(geomean(perQuery(xs)), 1)}`];
  return table(['engine', 'index build s', 'index KB', 'p50 µs', 'p95 µs', 'vs tantivy: p50, p95',
    'vs tantivy query by query: median, geometric mean'], [
    row('Resolex, best 10 in full as the explorer shows them (text, snippet and its highlights, facets)', full, n.resolex.build_s.toFixed(2),
      `${kb(n.resolex.index_bytes)} (bundle with texts ${kb(n.resolex.bundle_bytes)})`),
    row('Resolex, rank only (every match, in order)', rank, '', ''),
    ...(top.every((t) => t !== undefined) ? [row('Resolex, count + top 10 (as tantivy\'s line)', top, '', '')] : []),
    row('tantivy, count + top 10 ids', tan, n.tantivy.build_s.toFixed(2), kb(n.tantivy.index_bytes)),
  ]) + `\n\n(Each per-query figure is the median of 21 runs, the four lines of a query timed run by run in turn; `
    + `p50/p95 are over the ${tan.length} queries; the last column is over each query's own ratio. `
    + 'Resolex\'s index KB are its terms, postings, stems and paragraph ids; tantivy\'s index stores positions, not texts.)';
}

function section(corpus) {
  const build = read(corpus, 'build.json');
  const b = read(corpus, 'browser.json');
  const n = read(corpus, 'native.json');
  if (n.paragraphs !== build.paragraphs) {
    throw new Error(`${corpus}: the native run read ${n.paragraphs} paragraphs, the export ${build.paragraphs}`);
  }
  return [`### ${corpora[corpus].label}: ${build.versions.toLocaleString('en')} document versions, `
    + `${build.paragraphs.toLocaleString('en')} paragraphs, ${mb(build.textBytes)} MB of text`,
  `**Cold start** (empty cache, brotli as a static host sends it; median of ${b.runs} loads; first query `
    + `\`${b.first.text}\`; results = its best 10 with their text):`, coldTable(b, build),
  `**Per query** in the page (best 10 with text; ${b.runs} runs of each of the ${b.results.Resolex.latency.queries.length} `
    + 'queries: the first, then the rest; heap sampled after each query):', latencyTable(b),
  '**Quality** against the scan oracle, all matches (not only the best 10), by paragraph:', qualityTable(b, n),
  'Queries where a contender missed paragraphs:', missesList(b),
  '**Natively** (release build, same paragraphs, same queries):', nativeTable(n)].join('\n\n');
}

const chromium = read(names[0], 'browser.json').chromium;
const report = [
  '<!-- peers:begin (written by bench/peers/run.sh; edits here are overwritten) -->',
  `Command: \`bench/peers/run.sh\`. Machine: ${machine()}. Versions: ${versions(chromium)}`,
  ...names.map(section),
  '<!-- peers:end -->',
].join('\n\n');
writeFileSync(join(work, 'report.md'), `${report}\n`);
const benchmarks = join(root, 'BENCHMARKS.md');
const text = readFileSync(benchmarks, 'utf8');
const at = text.indexOf('<!-- peers:begin');
const end = text.indexOf('<!-- peers:end -->');
if (Object.keys(corpora).some((c) => !names.includes(c))) {
  console.log(`only ${names.join(', ')} measured: the report is in target/peers/report.md (BENCHMARKS.md unchanged)`);
} else if (at < 0 || end < 0) {
  console.error('BENCHMARKS.md has no peers markers: the report is in target/peers/report.md');
} else {
  writeFileSync(benchmarks, text.slice(0, at) + report + text.slice(end + '<!-- peers:end -->'.length));
  console.log('BENCHMARKS.md: peers tables written (also target/peers/report.md)');
}
