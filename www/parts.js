// A Resolex bundle built with `resolex build --apart`: the head (corpus.rlx) and a directory of
// packs beside it (corpus.parts/), each holding a run of parts. A part is fetched the first time
// a query or a reader needs it, with an HTTP range request into its pack; from a host that does
// not serve ranges (it answers 200 with the whole file), the pack is kept whole and later parts
// are cut from it. Pack files are named by their checksum, so a host or a browser may cache them
// for good.
//
// The widget's wasm inflates nothing itself (its inflater would be 6.3 KB of it, brotli): the
// bundle's head and its deflated parts are inflated here, by the browser's DecompressionStream,
// and given to the engine beside the bytes as stored, whose checksums the engine checks.

/** The directory of packs beside the head at `headUrl`: corpus.rlx → corpus.parts/. */
export function partsDir(headUrl) {
  const dir = new URL(headUrl);
  dir.search = '';
  dir.hash = '';
  dir.pathname = `${dir.pathname.replace(/\.[^./]*$/, '')}.parts/`;
  return dir;
}

/**
 * `(file, start, length) => Promise<Uint8Array>`: fetches one part of the bundle at `headUrl`,
 * `length` bytes from `start` in the pack `file`. The parts asked for in one turn of the event
 * loop (a round of what a query lacked) are fetched together: parts that touch in one pack come
 * in one range request, so that a round takes a few requests rather than one per part.
 */
export function partFetcher(headUrl) {
  const dir = partsDir(headUrl);
  // Whole packs, by file, once the host has shown that it ignores ranges.
  const packs = new Map();
  let ranges = true;
  let asked = [];
  const get = async (file, headers) => {
    const r = await fetch(new URL(file, dir), { headers });
    if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
    return { partial: r.status === 206, bytes: new Uint8Array(await r.arrayBuffer()) };
  };
  const whole = (file) => {
    if (!packs.has(file)) {
      const pack = get(file, {}).then((r) => r.bytes);
      pack.catch(() => packs.delete(file));
      packs.set(file, pack);
    }
    return packs.get(file);
  };
  // Bytes `start..end` of `file`: by a range request, or cut from the whole pack.
  const span = async (file, start, end) => {
    if (ranges) {
      const r = await get(file, { range: `bytes=${start}-${end - 1}` });
      if (r.partial) return { bytes: r.bytes, at: start };
      ranges = false;
      packs.set(file, Promise.resolve(r.bytes));
    }
    return { bytes: await whole(file), at: 0 };
  };
  const flush = () => {
    const parts = asked.sort((a, b) => a.file.localeCompare(b.file) || a.start - b.start);
    asked = [];
    let run = [];
    const send = () => {
      if (run.length === 0) return;
      const these = run;
      run = [];
      const [start, end] = [these[0].start, Math.max(...these.map((p) => p.start + p.length))];
      span(these[0].file, start, end).then(
        ({ bytes, at }) => these.forEach((p) => p.resolve(bytes.subarray(p.start - at, p.start - at + p.length))),
        (e) => these.forEach((p) => p.reject(e)),
      );
    };
    for (const p of parts) {
      const last = run[run.length - 1];
      if (last && (last.file !== p.file || p.start > last.start + last.length)) send();
      run.push(p);
    }
    send();
  };
  return (file, start, length) => new Promise((resolve, reject) => {
    asked.push({ file, start, length, resolve, reject });
    if (asked.length === 1) queueMicrotask(flush);
  });
}

/** The browser's inflater of raw deflate, or an error that says the browser has none. */
function inflater() {
  try {
    return new DecompressionStream('deflate-raw');
  } catch {
    throw new Error('this browser cannot inflate the corpus (it needs DecompressionStream with raw deflate: Chromium 103, Firefox 113, Safari 16.4 or later)');
  }
}

/**
 * `bytes` inflated: raw deflate, as a bundle stores its head and parts. Bytes that do not
 * inflate give nothing: the engine, given nothing, names what is wrong with them (their
 * checksum, or their length).
 */
export async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(inflater());
  try {
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return new Uint8Array(0);
  }
}

/**
 * The widget's engine over the bundle at `url` (a whole file, or the head of one built
 * `--apart`), and the fetcher of its parts: from the packs beside it, or cut from the file
 * itself (place `""`). `wasm` is the widget's module: its `Engine` and `head_span`, usable once
 * `ready` (its instantiation) resolves; the bundle downloads meanwhile.
 */
export async function engineOver(wasm, url, ready) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  const bytes = new Uint8Array(await r.arrayBuffer());
  await ready;
  const [start, end] = wasm.head_span(bytes);
  const engine = new wasm.Engine(bytes, await inflate(bytes.subarray(start, end)));
  const packs = partFetcher(url);
  const fetchPart = (file, at, length) => (file === '' ? Promise.resolve(bytes.subarray(at, at + length)) : packs(file, at, length));
  return { engine, fetchPart };
}

/**
 * Runs `ask()` on `engine` until its answer is whole: after each run, the parts it lacked are
 * fetched (side by side), inflated when stored deflated, and supplied, and it runs again. A
 * part that does not arrive, or arrives wrong, rejects with a message naming it.
 */
export async function whole(engine, ask, fetchPart) {
  const supply = async (i) => {
    const [file, start, length, compressed] = engine.part_place(i);
    const stored = await fetchPart(file, start, length);
    const raw = compressed ? await inflate(stored) : undefined;
    engine.supply(i, stored, raw);
  };
  for (;;) {
    const answer = ask();
    const missing = engine.missing();
    if (missing.length === 0) return answer;
    await Promise.all(Array.from(missing, supply));
  }
}
