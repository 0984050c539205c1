// The explorer from static files: fetches the wasm and corpus.rlx beside this page — the whole
// bundle, or its head, whose parts (corpus.parts/) are fetched as views need them. A compact
// bundle (`resolex build --compact`) is expanded first by the indexer's wasm, fetched only then;
// the series comparison's wasm is fetched on the first comparison.
import init, { bundle_is_compact, mount_explorer } from './pkg/resolex_wasm.js';
import { comparer, start } from './start.js';
import { partFetcher } from './parts.js';

const head = new URL('corpus.rlx', import.meta.url);
const bundle = fetch(head).then((r) => {
  if (!r.ok) throw new Error(`corpus.rlx: HTTP ${r.status}`);
  return r.arrayBuffer();
}).then((b) => new Uint8Array(b));

/** The whole bundle a full build gives of the compact bundle `bytes`, made by the indexer. */
async function expanded(bytes) {
  const indexer = await import('./pkg/resolex_indexer.js');
  await indexer.default({ module_or_path: new URL('./pkg/resolex_indexer_bg.wasm', import.meta.url) });
  return indexer.expand_compact(bytes);
}

/** The series comparison's pairing, in its own wasm: fetched on the first comparison. */
const compare = comparer(async () => {
  const m = await import('./pkg/resolex_compare.js');
  await m.default({ module_or_path: new URL('./pkg/resolex_compare_bg.wasm', import.meta.url) });
  return m;
});

start(init, mount_explorer, new URL('./pkg/resolex_wasm_bg.wasm', import.meta.url), bundle,
  async (bytes) => (bundle_is_compact(bytes) ? [await expanded(bytes), undefined, compare] : [bytes, partFetcher(head), compare]));
