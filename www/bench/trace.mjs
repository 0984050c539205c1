// Where a keystroke's time goes in the page, by Chromium's own account: types the query set of
// the core benchmark one character at a time (a round to warm up, then a round traced), and
// prints the events of the page's main thread that took the most time in all, with how many
// and the time per keystroke. `node www/bench/trace.mjs` after `www/build.sh`; the whole
// trace is written to target/keystrokes.trace.json (open it in Chromium's Performance panel).
// This is how a task of 3.4 ms a keystroke was found that reloaded the page's icon
// (docs/decisions.md, "The address follows typing when it pauses").
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve, open, dist, root } from '../tests/harness.mjs';

const queries = [...readFileSync(join(root, 'bench/src/lib.rs'), 'utf8')
  .split('pub const QUERIES')[1].split('];')[0].matchAll(/^\s*"((?:[^"\\]|\\.)*)",/gm)].map((m) => JSON.parse(`"${m[1]}"`));
const SHOWN = Number(process.env.SHOWN ?? 30);

/** Types every query one character at a time, each keystroke waited for until painted. */
async function typeAll(page) {
  let n = 0;
  for (const q of queries) {
    for (let i = 1; i <= [...q].length; i++, n++) {
      await page.evaluate(async (typed) => {
        const box = document.getElementById('q');
        const count = () => document.querySelector('.hit-count');
        box.value = typed;
        box.dispatchEvent(new InputEvent('input', { bubbles: true }));
        if (count()?.dataset.query !== typed) {
          await new Promise((r) => {
            const obs = new MutationObserver(() => { if (count()?.dataset.query === typed) { obs.disconnect(); r(); } });
            obs.observe(document.body, { subtree: true, childList: true, attributes: true });
          });
        }
        await new Promise((r) => requestAnimationFrame(() => r()));
      }, [...q].slice(0, i).join(''));
    }
  }
  return n;
}

const browser = await launch();
const site = await serve(dist);
const page = await open(browser);
await page.goto(`${site.url}#/search`);
await page.locator('#q').waitFor();
await typeAll(page);
mkdirSync(join(root, 'target'), { recursive: true });
const path = join(root, 'target', 'keystrokes.trace.json');
await browser.startTracing(page, { path, categories: ['devtools.timeline', 'v8.execute', 'blink', 'cc', 'loading'] });
const keystrokes = await typeAll(page);
await browser.stopTracing();
if (page.problems.length) throw new Error(page.problems.join('\n'));
await browser.close();
await site.close();

const trace = JSON.parse(readFileSync(path, 'utf8'));
const events = trace.traceEvents ?? trace;
const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const total = new Map();
for (const e of events) {
  if (e.ph !== 'X' || e.pid !== main.pid || e.tid !== main.tid) continue;
  const t = total.get(e.name) ?? { us: 0, n: 0 };
  t.us += e.dur ?? 0;
  t.n += 1;
  total.set(e.name, t);
}
console.log(`${keystrokes} keystrokes traced; the page's main thread, events by total time (they nest):\n`);
console.log('| event | count | total ms | ms per keystroke |\n| --- | ---: | ---: | ---: |');
for (const [name, t] of [...total].sort((a, b) => b[1].us - a[1].us).slice(0, SHOWN)) {
  console.log(`| ${name} | ${t.n} | ${(t.us / 1000).toFixed(1)} | ${(t.us / 1000 / keystrokes).toFixed(2)} |`);
}
