// Pagefind as a contender. Pagefind keeps one index per page language and searches the one of
// the page's <html lang>; to search all six languages, as Resolex does, this loads one Pagefind
// instance per language (each its own module, with the page's lang set while it starts) and
// merges their results by score. `?langs=en` loads only English: Pagefind as a one-language site
// would run. Instances run on the main thread (noWorker), as Resolex and MiniSearch do, so that
// the page's memory includes them.
//
// Pagefind answers with pages; a result's word locations are mapped to the paragraph (<p id>)
// they fall in, which is how Pagefind itself makes sub-results of headings.

const instances = [];

export async function ready() {
  const all = await (await fetch('./languages.json')).json();
  const wanted = new URLSearchParams(location.search).get('langs')?.split(',') ?? all;
  const html = document.documentElement;
  const pageLang = html.lang;
  for (const lang of wanted) {
    html.lang = lang;
    const pagefind = await import(`./pagefind/pagefind.js?lang=${lang}`);
    await pagefind.options({ noWorker: true });
    await pagefind.init();
    instances.push(pagefind);
  }
  html.lang = pageLang;
}

/** Phrases quoted (Pagefind's exact search); everything else as typed. */
const syntax = (q) => (q.class === 'phrase' ? `"${q.text}"` : q.text);

async function pages(q) {
  const answers = await Promise.all(instances.map((p) => p.search(syntax(q))));
  return answers.flatMap((a) => a?.results ?? []).sort((a, b) => b.score - a.score);
}

/** The paragraphs of one page result that hold a matched word, in page order. */
function paragraphsOf(data) {
  const lang = data.url.split('/').at(-2);
  const doc = data.meta.title;
  const anchors = data.anchors.filter((a) => a.element === 'p').sort((a, b) => a.location - b.location);
  const found = [];
  for (const loc of [...data.locations].sort((a, b) => a - b)) {
    let at = null;
    for (const a of anchors) if (a.location <= loc) at = a; else break;
    const key = at && `${doc}|${lang}|${at.id}`;
    if (key && found.at(-1)?.key !== key) found.push({ key, text: at.text });
  }
  return found;
}

export async function top(q, limit = 10) {
  const datas = await Promise.all((await pages(q)).slice(0, limit).map((r) => r.data()));
  return datas.flatMap(paragraphsOf).slice(0, limit);
}

/** Every paragraph found, and every page (document version) found, as `doc|lang`. */
export async function all(q) {
  const datas = await Promise.all((await pages(q)).map((r) => r.data()));
  return {
    keys: [...new Set(datas.flatMap((d) => paragraphsOf(d).map((p) => p.key)))],
    pages: datas.map((d) => `${d.meta.title}|${d.url.split('/').at(-2)}`),
  };
}
