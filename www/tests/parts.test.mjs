// The bundle's parts fetched on demand, each by a range request into its pack, and what a
// reader sees when one does not arrive: a static server that has lost the document blocks (404),
// then serves them corrupted, then whole again. The explorer and the widget each show a message
// naming the part and a retry; the rest of the explorer keeps working; a retry once the parts
// are back shows the text. A host that ignores ranges sends whole packs, which serve as well.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { basename, join } from 'node:path';
import { launch, serveCopy, open, screenshot, partsOf } from './harness.mjs';

const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Widget</title>
<link rel="icon" href="favicon.svg" type="image/svg+xml"><script type="module" src="widget.js"></script></head>
<body><resolex-search id="w" label="Search"></resolex-search></body></html>`;

let browser;
let site;
let parts;
let blocks;
before(async () => {
  site = await serveCopy({ 'widget-host.html': HOST });
  parts = partsOf(join(site.dir, 'corpus.rlx'));
  blocks = parts.filter((p) => p.kind === 'block');
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** The block parts inside the bytes `start..start + length` of the file at `path`. */
const blocksIn = (path, start, length) => blocks.filter((b) => path.includes('corpus.parts/')
  && b.file === basename(path) && b.start >= start && b.start + b.length <= start + length);

/** The server answers 404 for any range that holds a block part, or serves them again. */
function lose(lost) {
  site.alter = lost ? (path, start, bytes) => (blocksIn(path, start, bytes.length).length ? null : bytes) : null;
}

/** The server sends each block part with one bit flipped. */
function corrupt() {
  site.alter = (path, start, bytes) => {
    const bad = Buffer.from(bytes);
    for (const b of blocksIn(path, start, bytes.length)) bad[b.start - start + (b.length >> 1)] ^= 0x08;
    return bad;
  };
}

test('the explorer loads only the parts a view needs, by range requests', async () => {
  const page = await open(browser);
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('corpus.parts/')) fetched.push(r.headers().range); });
  await page.goto(`${site.url}#/search?q=INTERPOL`);
  await page.locator('.hit-count[data-query="INTERPOL"]').waitFor();
  assert.ok((await page.locator('#hits li').count()) > 0);
  assert.ok(fetched.every((r) => /^bytes=\d+-\d+$/.test(r ?? '')), `requests without a range: ${fetched}`);
  const bytes = fetched.map((r) => r.match(/\d+/g)).reduce((n, [a, b]) => n + Number(b) - Number(a) + 1, 0);
  const all = parts.reduce((n, p) => n + p.length, 0);
  assert.ok(fetched.length > 0 && fetched.length < parts.length, `${fetched.length} requests for ${parts.length} parts`);
  assert.equal(new Set(fetched).size, fetched.length, `a range asked twice: ${fetched}`);
  assert.ok(bytes < all, `${bytes} of ${all} bytes fetched`);
  assert.deepEqual(page.problems, []);
});

test('from a host that ignores ranges, whole packs serve the search and the reader', async () => {
  const plain = await serveCopy({}, {}, { ranges: false });
  try {
    const page = await open(browser);
    const fetched = [];
    page.on('request', (r) => { if (r.url().includes('corpus.parts/')) fetched.push(basename(r.url())); });
    await page.goto(`${plain.url}#/search?q=INTERPOL`);
    await page.locator('.hit-count[data-query="INTERPOL"]').waitFor();
    await page.locator('#hits mark').first().waitFor();
    await page.goto(`${plain.url}#/doc/A/RES/79/136/op21.b?lang=fr`);
    const selected = page.locator('#para-op21\\.b.selected');
    await selected.waitFor();
    assert.match(await selected.locator('.text').textContent(), /INTERPOL/);
    assert.deepEqual(page.problems, []);
    // After the first answer shows that ranges are ignored, each pack is fetched once.
    const packs = new Set(parts.map((p) => p.file));
    assert.ok(fetched.length > 0 && fetched.every((f) => packs.has(f)), String(fetched));
  } finally {
    await plain.close();
  }
});

test('a part that does not arrive, or arrives corrupted, is named with a retry; the rest keeps working', async () => {
  const page = await open(browser);
  lose(true);
  try {
    await page.goto(`${site.url}#/doc/A/RES/79/136/op21.b?lang=fr`);
    const error = page.locator('.part-error');
    await error.waitFor();
    assert.match(await error.textContent(), /block part \d+ did not arrive: .*HTTP 404/);
    await screenshot(page, 'part-error');
    // The catalog is in the head: the list of documents still opens.
    await page.goto(`${site.url}#/docs`);
    await page.locator('.documents tbody tr').first().waitFor();
    assert.equal(await page.locator('.documents tbody tr').count(), 21);
    // Back to the document: the parts are back, the retry shows it.
    await page.goto(`${site.url}#/doc/A/RES/79/136/op21.b?lang=fr`);
    await error.waitFor();
  } finally {
    lose(false);
  }
  corrupt();
  try {
    await page.locator('.part-error button.retry').click();
    await page.locator('.part-error', { hasText: 'checksum' }).waitFor();
  } finally {
    lose(false);
  }
  await page.locator('.part-error button.retry').click();
  const selected = page.locator('#para-op21\\.b.selected');
  await selected.waitFor();
  assert.match(await selected.locator('.text').textContent(), /INTERPOL/);
  const problems = page.problems.filter((p) => !/Failed to load resource.*404/.test(p));
  assert.deepEqual(problems, []);
});

test('the widget says which part failed and retries', async () => {
  const page = await open(browser);
  lose(true);
  const input = page.locator('#w').locator('input');
  const status = page.locator('#w').locator('.status');
  try {
    await page.goto(`${site.url}widget-host.html`);
    await input.fill('INTERPOL');
    await status.locator('button.retry').waitFor();
    assert.match(await status.textContent(), /could not load part of its corpus: .*HTTP 404/);
  } finally {
    lose(false);
  }
  // Corrupted, a part is refused by its checksum (the page inflates, the engine checks).
  corrupt();
  try {
    await status.locator('button.retry').click();
    await page.locator('#w').locator('.status', { hasText: 'checksum' }).waitFor();
    assert.match(await status.textContent(), /could not load part of its corpus: .*block part \d+ is corrupted: checksum/);
  } finally {
    lose(false);
  }
  await status.locator('button.retry').click();
  await page.locator('#w').locator('li[role="option"]').first().waitFor();
  assert.match(await status.textContent(), /\d+ hits?/);
});
