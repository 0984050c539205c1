// Resolex as a contender: the widget's engine (resolex_widget.js, no Yew) over the bundle's
// head, fetching its parts (corpus.parts/) as queries need them, as the widget does.
import init, { Engine, head_span } from './resolex_widget.js';
import { engineOver, whole } from './parts.js';

let engine;
let fetchPart;

export async function ready() {
  const wasm = init({ module_or_path: './resolex_widget_bg.wasm' });
  ({ engine, fetchPart } = await engineOver({ Engine, head_span }, new URL('./corpus.rlx', import.meta.url), wasm));
}

const ask = (q, limit) => whole(engine, () => engine.suggest(q, limit), fetchPart).then(JSON.parse);

/**
 * The query in Resolex's syntax (SPEC §4): phrases quoted. A misspelt word is sent as typed, as
 * a user types it: Resolex corrects a word that matches nothing by itself (MiniSearch forgives
 * typos by default too; `word~` would force the wider match).
 */
function syntax(q) {
  if (q.class === 'phrase') return `"${q.text}"`;
  return q.text;
}

const key = (h) => `${h.doc}|${h.lang}|${h.para}`;

export async function top(q, limit = 10) {
  return (await ask(syntax(q), limit)).hits.map((h) => ({ key: key(h), text: h.text }));
}

export async function all(q) {
  return { keys: (await ask(syntax(q), 1_000_000)).hits.map(key) };
}
