// Starts the Resolex explorer: the wasm module and the corpus bundle load side by side, then
// `prepare` turns the bundle's bytes into the arguments `mount` takes after the root (a compact
// bundle is expanded there), and the app mounts in #app. Any failure is shown in the page,
// saying what failed.
export async function start(init, mount, wasm, bundle, prepare = async (bytes) => [bytes]) {
  const root = document.getElementById('app');
  try {
    const [, bytes] = await Promise.all([init({ module_or_path: wasm }), bundle]);
    const args = await prepare(bytes);
    root.replaceChildren();
    root.removeAttribute('aria-busy');
    mount(root, ...args);
  } catch (e) {
    root.removeAttribute('aria-busy');
    const p = document.createElement('p');
    p.className = 'error';
    p.setAttribute('role', 'alert');
    p.textContent = `Resolex could not start: ${e && e.message ? e.message : e}`;
    root.replaceChildren(p);
  }
}

/**
 * The explorer's `compare(oldText, oldNumbers, newText, newNumbers)`: a promise of the pairs'
 * numbers from the comparison's wasm, which `load()` gives (its module, instantiated) the first
 * time; called with nothing, it only starts that load. A load that fails is tried again on the
 * next call.
 */
export function comparer(load) {
  let module;
  return async (...args) => {
    module ??= load().catch((e) => {
      module = undefined;
      throw e;
    });
    if (args.length === 0) return module.then(() => undefined, () => undefined);
    return (await module).compare_paragraphs(...args);
  };
}
