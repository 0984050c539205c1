// The explorer from static files: fetches the wasm and corpus.rlx beside this page — the whole
// bundle, or its head, whose parts (corpus.parts/) are fetched as views need them.
import init, { mount_explorer } from './pkg/resolex_wasm.js';
import { start } from './start.js';
import { partFetcher } from './parts.js';

const head = new URL('corpus.rlx', import.meta.url);
const bundle = fetch(head).then((r) => {
  if (!r.ok) throw new Error(`corpus.rlx: HTTP ${r.status}`);
  return r.arrayBuffer();
}).then((b) => new Uint8Array(b));

start(init, (root, bytes) => mount_explorer(root, bytes, partFetcher(head)),
  new URL('./pkg/resolex_wasm_bg.wasm', import.meta.url), bundle);
