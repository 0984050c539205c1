// What the side-by-side comparison shares: where things are, the corpora, the fixed query set,
// statistics, and the static server every contender is measured through.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = resolve(fileURLToPath(import.meta.url), '..');
export const root = resolve(here, '../..');
/** Everything the comparison makes goes here (never committed). */
export const work = join(root, 'target', 'peers');

/** The corpora, by name: what `resolex export` reads, and how the tables name them. */
export const corpora = {
  default: { label: 'default corpus', bundleArgs: [] },
  sessions: { label: 'GA sessions 79–80, six languages (and a few in German)', bundleArgs: ['--bundle', join(work, 'sessions.rlx')] },
};

/** The fixed query set: `{ class, text, intended? }`. */
export const queries = JSON.parse(readFileSync(join(here, 'queries.json'), 'utf8')).queries;

export const median = (xs) => percentile(xs, 50);
export function percentile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
};

/**
 * Serves `dir` the way a static host would: brotli (quality 11, 5 above 20 MB where 11 takes
 * minutes) when the browser accepts it and it makes the file smaller, cross-origin isolated
 * (so that `performance.now` is precise and `measureUserAgentSpecificMemory` works).
 */
export async function serve(dir) {
  const cache = new Map();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    if (!existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const headers = {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cache-control': 'no-cache',
      'accept-ranges': 'bytes',
    };
    // A range (a part of one of Resolex's packs) is sent as stored, as hosts do.
    const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? '');
    if (range) {
      const raw = readFileSync(file);
      const [start, end] = [Number(range[1]), Math.min(Number(range[2]), raw.length - 1)];
      headers['content-range'] = `bytes ${start}-${end}/${raw.length}`;
      res.writeHead(206, headers);
      res.end(raw.subarray(start, end + 1));
      return;
    }
    const body = encoded(file, cache, /\bbr\b/.test(req.headers['accept-encoding'] ?? ''));
    if (body.br) headers['content-encoding'] = 'br';
    res.writeHead(200, headers);
    res.end(body.bytes);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

function encoded(file, cache, acceptsBrotli) {
  if (!cache.has(file)) {
    const raw = readFileSync(file);
    // Pagefind gzips its own index and fragments (and inflates them in script), Resolex deflates
    // its bundle's head and parts (`.rlx`, `.rlxp`): sent as they are, as a host would.
    const gzipped = (raw[0] === 0x1f && raw[1] === 0x8b) || /\.rlxp?$/.test(file);
    const quality = raw.length <= 20_000_000 ? 11 : 5;
    const br = gzipped ? raw : brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    cache.set(file, { raw, br: !gzipped && br.length < raw.length ? br : null });
  }
  const { raw, br } = cache.get(file);
  return acceptsBrotli && br ? { bytes: br, br: true } : { bytes: raw, br: false };
}
