// What the explorer's browser tests share: real headless Chromium (Debian's), a static HTTP
// server for www/dist, the console and page errors of every page, screenshots.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const www = resolve(fileURLToPath(import.meta.url), '../..');
export const root = resolve(www, '..');
export const dist = join(www, 'dist');
export const shots = join(root, 'target', 'screenshots');
export const phone = { width: 390, height: 844 };
export const desktop = { width: 1280, height: 900 };

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.rlx': 'application/octet-stream', '.svg': 'image/svg+xml',
};

/**
 * Serves `dir` on a free local port; `headers` are added to every response. Single byte ranges
 * (`Range: bytes=a-b`, as parts.js asks for a part of a pack) are answered with 206, unless
 * `ranges` is false: then, like a host that ignores them, with the whole file. `alter(path,
 * start, bytes)`, settable on the returned server at any time, may change what goes out (`null`:
 * answer 404).
 */
export async function serve(dir, headers = {}, { ranges = true } = {}) {
  const site = { alter: null };
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    let body;
    try {
      body = await readFile(file);
    } catch {
      body = null;
    }
    const range = ranges && body && /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    const head = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'accept-ranges': 'bytes', ...headers };
    let [status, start] = [200, 0];
    if (range) {
      start = Number(range[1]);
      const end = Math.min(Number(range[2]), body.length - 1);
      head['content-range'] = `bytes ${start}-${end}/${body.length}`;
      body = body.subarray(start, end + 1);
      status = 206;
    }
    if (body && site.alter) body = site.alter(path, start, body);
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(status, head);
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  site.url = `http://127.0.0.1:${server.address().port}/`;
  site.close = () => new Promise((ok) => server.close(ok));
  return site;
}

/**
 * A copy of www/dist with `files` (name → text) added or replaced, served with `headers` (and
 * `options`, as `serve` takes them); `dir` is the copy, `alter` as `serve`'s, `close` stops the
 * server and removes the copy.
 */
export async function serveCopy(files, headers = {}, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'resolex-site-'));
  cpSync(dist, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const server = await serve(dir, headers, options);
  server.dir = dir;
  const close = server.close;
  server.close = async () => { await close(); rmSync(dir, { recursive: true, force: true }); };
  return server;
}

/** The kinds of part in the order of core/src/bundle/format.rs's `PartKind::ALL`. */
const partKinds = ['terms', 'stems', 'postings', 'stem-postings', 'block', 'outline', 'titles', 'leads', 'documents'];

/** A reader of the head's forms (core/src/bundle/bytes.rs): LEB128 numbers, strings, four-byte checksums. */
function headReader(bytes) {
  let at = 0;
  const r = {
    num() {
      let v = 0; let shift = 0; let b;
      do {
        if (at >= bytes.length) throw new Error(`the head ends at byte ${at}`);
        b = bytes[at++];
        v += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      return v;
    },
    str() { const n = r.num(); at += n; return bytes.subarray(at - n, at).toString('utf8'); },
    optStr() { const n = r.num(); at += Math.max(n - 1, 0); },
    crc() { at += 4; return bytes.readUInt32LE(at - 4); },
    nums(n) { return Array.from({ length: n }, () => r.num()); },
    paged() { r.num(); r.num(); r.nums(r.num()); },
  };
  return r;
}

/**
 * The parts of the apart bundle whose head is `headFile`, read from the head as core/src/bundle/head.rs lays it
 * out (independently of the Rust reader): `{ kind, file, start, length }` each.
 */
export function partsOf(headFile) {
  const bytes = readFileSync(headFile);
  const len = bytes.readUInt32LE(16);
  const r = headReader(inflateRawSync(bytes.subarray(24, 24 + len)));
  // The catalog: counts, then its columns (symbol, language, kind, title, date, paragraphs, counts by kind).
  r.num(); r.crc();
  const docs = r.num();
  for (let d = 0; d < docs; d += 1) r.str();
  for (let d = 0; d < docs; d += 1) r.str();
  r.nums(docs * 2);
  for (let d = 0; d < docs; d += 1) r.optStr();
  r.nums(docs);
  for (let n = r.num(); n > 0; n -= 1) r.str();
  for (let d = 0; d < docs; d += 1) r.nums(r.num() * 2);
  // The part table: runs of kinds, then stored lengths, raw lengths, checksums.
  const kinds = Array.from({ length: r.num() }, () => [partKinds[r.num()], r.num()]).flatMap(([k, n]) => Array(n).fill(k));
  const stored = r.nums(kinds.length);
  r.nums(kinds.length);
  const crcs = kinds.map(() => r.crc());
  for (let shards = 0; shards < 2; shards += 1) {
    const n = r.num();
    for (let k = 0; k < n; k += 1) r.str();
    r.nums(n);
  }
  r.paged(); r.paged();
  r.nums(r.num() * 2);
  r.paged(); r.paged();
  r.num(); r.num(); r.nums(r.num());
  r.nums(r.num());
  const packs = r.nums(r.num());
  const out = [];
  let i = 0;
  packs.forEach((parts, p) => {
    // A pack is named by the CRC-32 of its parts' checksums, four bytes each, little-endian.
    const sums = Buffer.alloc(parts * 4);
    for (let k = 0; k < parts; k += 1) sums.writeUInt32LE(crcs[i + k], k * 4);
    const file = `${String(p).padStart(4, '0')}-${crc32(sums).toString(16).padStart(8, '0')}.rlxp`;
    let start = 0;
    const pack = { parts };
    for (let k = 0; k < pack.parts; k += 1, i += 1) {
      out.push({ kind: kinds[i], file, start, length: stored[i] });
      start += stored[i];
    }
  });
  if (i !== kinds.length) throw new Error(`the packs hold ${i} parts, the part table ${kinds.length}`);
  return out;
}

/** Debian's headless Chromium; `extraArgs` are added to its command line. */
export async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', ...extraArgs],
  });
}

/** A page that records console errors, page errors and CSP reports in `page.problems`. */
export async function open(browser, viewport = desktop) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') page.problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  return page;
}

export async function screenshot(page, name) {
  await mkdir(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
}

/** The `resolex` CLI of this checkout (built by `cargo build --release -p resolex-tui`). */
export function resolex(...args) {
  const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
  return execFileSync(join(target, 'release', 'resolex'), args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Runs axe-core in the page; the violations of impact serious or critical. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: join(www, 'node_modules', 'axe-core', 'axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
