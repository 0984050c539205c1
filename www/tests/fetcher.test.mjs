// parts.js's fetcher against a real local server, in Node (no page needed): the parts asked for
// in one turn come in as few range requests as touch, each part exactly its bytes; from a host
// that ignores ranges, each pack comes once, whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { dist, partsOf, serve } from './harness.mjs';
import { partFetcher } from '../parts.js';

const parts = partsOf(join(dist, 'corpus.rlx'));
const pack = parts[0].file;
const inPack = parts.filter((p) => p.file === pack);
const bytesOf = (p) => readFileSync(join(dist, 'corpus.parts', p.file)).subarray(p.start, p.start + p.length);

/** A server over www/dist that counts the requests for packs (their ranges). */
async function counting(options) {
  const site = await serve(dist, {}, options);
  site.asked = [];
  site.alter = (path, start, bytes) => {
    if (path.includes('corpus.parts/')) site.asked.push(`${basename(path)}@${start}+${bytes.length}`);
    return bytes;
  };
  return site;
}

test('parts that touch come in one range request, each exactly its bytes', async () => {
  assert.ok(inPack.length >= 4, `${inPack.length} parts in the first pack`);
  const site = await counting();
  try {
    const fetchPart = partFetcher(new URL('corpus.rlx', site.url));
    // Three neighbours and one apart from them, asked in one turn.
    const asked = [inPack[0], inPack[1], inPack[2], inPack[inPack.length - 1]];
    const got = await Promise.all(asked.map((p) => fetchPart(p.file, p.start, p.length)));
    asked.forEach((p, i) => assert.deepEqual(Buffer.from(got[i]), bytesOf(p), `part at ${p.start}`));
    assert.equal(site.asked.length, 2, site.asked.join(', '));
  } finally {
    await site.close();
  }
});

test('from a host that ignores ranges, a pack comes once, whole', async () => {
  const site = await counting({ ranges: false });
  try {
    const fetchPart = partFetcher(new URL('corpus.rlx', site.url));
    const first = await fetchPart(inPack[0].file, inPack[0].start, inPack[0].length);
    assert.deepEqual(Buffer.from(first), bytesOf(inPack[0]));
    const later = await Promise.all(inPack.slice(1).map((p) => fetchPart(p.file, p.start, p.length)));
    inPack.slice(1).forEach((p, i) => assert.deepEqual(Buffer.from(later[i]), bytesOf(p)));
    assert.equal(site.asked.length, 1, site.asked.join(', '));
  } finally {
    await site.close();
  }
});
