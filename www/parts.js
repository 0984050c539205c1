// A Resolex bundle built with `resolex build --apart`: the head (corpus.rlx) and a directory of
// parts beside it (corpus.parts/), each fetched the first time a query or a reader needs it.
// Part files are named by their checksum, so a host or a browser may cache them for good.

/** The directory of parts beside the head at `headUrl`: corpus.rlx → corpus.parts/. */
export function partsDir(headUrl) {
  const dir = new URL(headUrl);
  dir.search = '';
  dir.hash = '';
  dir.pathname = `${dir.pathname.replace(/\.[^./]*$/, '')}.parts/`;
  return dir;
}

/** `(name) => Promise<Uint8Array>`: fetches one part file of the bundle at `headUrl`. */
export function partFetcher(headUrl) {
  const dir = partsDir(headUrl);
  return async (name) => {
    const r = await fetch(new URL(name, dir));
    if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
    return new Uint8Array(await r.arrayBuffer());
  };
}

/**
 * Runs `ask()` on `engine` until its answer is whole: after each run, the parts it lacked are
 * fetched (side by side) and supplied, and it runs again. A part that does not arrive, or
 * arrives wrong, rejects with a message naming it.
 */
export async function whole(engine, ask, fetchPart) {
  for (;;) {
    const answer = ask();
    const missing = engine.missing();
    if (missing.length === 0) return answer;
    await Promise.all(Array.from(missing, async (i) => engine.supply(i, await fetchPart(engine.part_file(i)))));
  }
}
