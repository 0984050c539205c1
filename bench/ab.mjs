// Two builds of the engine, A and B, timed on the same bundle and the same queries, alternated:
// each round runs A then B, three rounds, and each query keeps the least of its three times
// (the machine's noise only ever adds). Prints p50, p95 and the sum over the queries for each,
// then every query. What a change to the engine is measured with before it is kept.
//
//   cargo build --release -p resolex-bench --example probe && cp target/release/examples/probe /tmp/probe-a
//   (change the engine, build again, copy to /tmp/probe-b)
//   node bench/ab.mjs /tmp/probe-a /tmp/probe-b sessions.rlx top [N]
//
// The measure is one of `probe`'s (bench/examples/probe.rs): rank, top, explorer, hits or
// facets; N runs of each query per round (default 300: the first run of a query in a process
// also inflates the parts it reads). The queries are the side-by-side comparison's
// (bench/peers/queries.json), written as its native run sends them (bench/examples/peers.rs,
// `resolex_syntax`): phrases quoted. A build against itself reads within about 2% on the sum.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [a, b, bundle, only, n = '300'] = process.argv.slice(2);
const labels = { rank: /rank (\d+) µs/, top: /top 10 (\d+) µs/, explorer: /facets\) (\d+) µs/, hits: /hits (\d+) µs/, facets: /facets (\d+) µs \(/ };
if (!a || !b || !bundle || !labels[only]) {
  console.error('usage: node bench/ab.mjs PROBE_A PROBE_B BUNDLE rank|top|explorer|hits|facets [N]');
  process.exit(2);
}
const here = fileURLToPath(new URL('.', import.meta.url));
const queries = JSON.parse(readFileSync(join(here, 'peers', 'queries.json'), 'utf8')).queries
  .map((q) => (q.class === 'phrase' ? `"${q.text}"` : q.text));

/** Per query, microseconds of `only` by the probe at `bin`. */
function run(bin) {
  const out = execFileSync(bin, [bundle, ...queries], { env: { ...process.env, N: n, ONLY: only }, encoding: 'utf8' });
  return out.trim().split('\n').map((line) => Number(labels[only].exec(line)?.[1]));
}

const least = { A: queries.map(() => Infinity), B: queries.map(() => Infinity) };
// A round first whose times are dropped: the first runs after a build or another benchmark
// read far slower (one read A at 1.6× B where the next, swapped, read them equal).
run(a);
run(b);
for (let round = 0; round < 3; round++) {
  for (const [name, bin] of [['A', a], ['B', b]]) {
    run(bin).forEach((us, i) => { least[name][i] = Math.min(least[name][i], us); });
  }
}
const pct = (xs, p) => { const s = [...xs].sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.round(p * (s.length - 1)))]; };
const sum = (xs) => xs.reduce((x, y) => x + y, 0);
console.log(`${only}, µs, least of 3 alternated rounds of ${n} runs, ${queries.length} queries`);
for (const name of ['A', 'B']) console.log(`${name}: p50 ${pct(least[name], 0.5)}, p95 ${pct(least[name], 0.95)}, sum ${sum(least[name])}`);
console.log(`B / A, sum: ${(sum(least.B) / sum(least.A)).toFixed(3)}`);
queries.forEach((q, i) => console.log(`${JSON.stringify(q)}: ${least.A[i]} -> ${least.B[i]}`));
