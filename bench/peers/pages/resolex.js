// Resolex as a contender: the widget's engine (resolex_widget.js, no Yew) over the bundle.
import init, { Engine } from './resolex_widget.js';

let engine;

export async function ready() {
  const bytes = fetch('./corpus.rlx').then((r) => r.arrayBuffer());
  await init({ module_or_path: './resolex_widget_bg.wasm' });
  engine = new Engine(new Uint8Array(await bytes));
}

/** The query in Resolex's syntax (SPEC §4): phrases quoted, typos marked with `~`. */
function syntax(q) {
  if (q.class === 'phrase') return `"${q.text}"`;
  if (q.class === 'typo') return `${q.text}~`;
  return q.text;
}

const key = (h) => `${h.doc}|${h.lang}|${h.para}`;

export async function top(q, limit = 10) {
  return JSON.parse(engine.suggest(syntax(q), limit)).hits.map((h) => ({ key: key(h), text: h.text }));
}

export async function all(q) {
  return { keys: JSON.parse(engine.suggest(syntax(q), 1_000_000)).hits.map(key) };
}
