// The keystroke measure shared by the explorer's benchmarks (explorer.mjs on the default corpus,
// sessions.mjs on sessions 79–80): the fixed query set of the core benchmarks
// (bench/src/lib.rs QUERIES) typed one character at a time, three rounds, and per keystroke the
// core's search time, the time to the updated DOM and to the next frame; the same keystrokes
// typed into a page that does no work (the floor); and the Markdown tables of both.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, open, root } from '../tests/harness.mjs';

export const queries = [...readFileSync(join(root, 'bench/src/lib.rs'), 'utf8')
  .split('pub const QUERIES')[1].split('];')[0].matchAll(/^\s*"((?:[^"\\]|\\.)*)",/gm)].map((m) => JSON.parse(`"${m[1]}"`));

export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
export const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
export const f = (x) => x.toFixed(2);

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
export async function keystrokes(browser, url) {
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

/** The keystrokes typed into the floor page, served from a directory of its own. */
export async function floorKeystrokes(browser) {
  const dir = mkdtempSync(join(tmpdir(), 'resolex-floor-'));
  writeFileSync(join(dir, 'index.html'), FLOOR_PAGE);
  const site = await serve(dir);
  const measured = await keystrokes(browser, site.url);
  await site.close();
  rmSync(dir, { recursive: true, force: true });
  return measured;
}

/** The Markdown of keystrokes `k` against the floor `fl`, with the core's goal at the p95. */
export function keystrokeTables(k, fl, coreGoal) {
  return `Per keystroke, ${queries.length} queries of the core benchmark typed one character at a time, three rounds (${k.core.length} keystrokes):

| measure | median ms | p95 ms | max ms |
| --- | ---: | ---: | ---: |
| core search in wasm (performance.now around the call) — goal p95 ≤ ${coreGoal} | ${f(median(k.core))} | ${f(pct(k.core, 95))} | ${f(Math.max(...k.core))} |
| input event → results in the DOM | ${f(median(k.dom))} | ${f(pct(k.dom, 95))} | ${f(Math.max(...k.dom))} |
| input event → next animation frame (painted) — goal ≤ 16 | ${f(median(k.frame))} | ${f(pct(k.frame, 95))} | ${f(Math.max(...k.frame))} |
| nothing typed → next animation frame (the wait for a frame alone) | ${f(median(k.idle))} | ${f(pct(k.idle, 95))} | ${f(Math.max(...k.idle))} |
| the floor: a page that only writes what was typed, input event → painted | ${f(median(fl.frame))} | ${f(pct(fl.frame, 95))} | ${f(Math.max(...fl.frame))} |

The same keystrokes by round: the first, where a query's parts may still be on their way over
HTTP, and the second and third, where every part it needs is in:

| measure, p50 / p95 ms | first round | later rounds |
| --- | ---: | ---: |
${['core', 'dom', 'frame'].map((key) => {
  const name = { core: 'core search in wasm', dom: 'input event → results in the DOM', frame: 'input event → painted' }[key];
  const of = (wanted) => k[key].filter((_, i) => k.first[i] === wanted);
  return `| ${name} | ${f(median(of(true)))} / ${f(pct(of(true), 95))} | ${f(median(of(false)))} / ${f(pct(of(false), 95))} |`;
}).join('\n')}
`;
}
