// <resolex-search>: Resolex search on any page with one tag and one module script.
//
//   <script type="module" src="https://…/resolex/widget.js"></script>
//   <resolex-search bundle="https://…/resolex/corpus.rlx" lang="en" limit="8"
//                   explorer="https://…/resolex/"></resolex-search>
//
// Attributes: bundle (default: corpus.rlx beside this script), lang (a lang: filter), limit
// (1–50, default 8), explorer (the explorer's address; a choice opens the paragraph there),
// target (_self by default), query (the initial query), placeholder, label.
//
// Renders in a shadow root (the page's CSS does not reach in, ours does not leak out); themed
// with --resolex-* custom properties and ::part(); fires `resolex-select` (cancelable, detail
// {doc, lang, para, cite, text}) and, unless cancelled, opens the paragraph in the explorer when
// `explorer` is set. Works under `script-src 'self' 'wasm-unsafe-eval'`: no inline script, no
// eval, no inline style attribute (styles are a constructed sheet). Every widget of a page
// shares one wasm instance and one download of each bundle. No global but the element.
import init, { Engine, head_span } from './pkg/resolex_widget.js';
import { engineOver, whole } from './parts.js';

const here = new URL('.', import.meta.url);
let wasm;
const engines = new Map();

/** The engine for a bundle URL: the wasm instantiated once, each bundle fetched once. */
function engineFor(url) {
  wasm ??= init({ module_or_path: new URL('pkg/resolex_widget_bg.wasm', here) });
  if (!engines.has(url)) {
    engines.set(url, engineOver({ Engine, head_span }, url, wasm));
  }
  return engines.get(url);
}

const sheet = new CSSStyleSheet();
sheet.replaceSync(`
:host { display: block; contain: content; }
:host([hidden]) { display: none; }
.root { all: initial; display: block; box-sizing: border-box; position: relative;
  font: var(--resolex-font-size, 16px)/1.5 var(--resolex-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  color: var(--resolex-fg, #1d1d1b); background: var(--resolex-bg, #ffffff);
  border: 1px solid var(--resolex-border, #d6d3cc); border-radius: var(--resolex-radius, 8px); padding: 0.5em; }
.root *, .root *::before, .root *::after { box-sizing: border-box; }
input { all: unset; display: block; width: 100%; padding: 0.45em 0.6em; font: inherit; color: inherit;
  border: 2px solid var(--resolex-border, #d6d3cc); border-radius: calc(var(--resolex-radius, 8px) - 2px); }
input:focus { border-color: var(--resolex-accent, #0b5cad); }
ul { all: unset; display: block; list-style: none; margin: 0.4em 0 0; padding: 0; max-height: var(--resolex-max-height, 28em); overflow-y: auto; }
li { display: block; padding: 0.45em 0.6em; border-radius: calc(var(--resolex-radius, 8px) - 2px); cursor: pointer; }
li[aria-selected="true"] { background: var(--resolex-selected, #e8f0fb); outline: 2px solid var(--resolex-accent, #0b5cad); outline-offset: -2px; }
.cite { display: block; font-weight: 600; color: var(--resolex-accent, #0b5cad); }
.lang { font-size: 0.75em; border: 1px solid var(--resolex-border, #d6d3cc); border-radius: 3px; padding: 0 0.3em; margin-inline-start: 0.5em; font-weight: 400; color: inherit; }
.snippet { display: block; font-size: 0.92em; }
mark { background: var(--resolex-mark, #ffe58a); color: inherit; border-radius: 2px; }
.retry { font: inherit; margin-inline-start: 0.4em; }
.status { display: block; font-size: 0.8em; opacity: 0.75; margin: 0.3em 0.2em 0; min-height: 1.2em; }
`);

let instances = 0;

class ResolexSearch extends HTMLElement {
  static observedAttributes = ['bundle', 'placeholder'];

  constructor() {
    super();
    const id = `rx${++instances}`;
    this.shadow = this.attachShadow({ mode: 'open' });
    this.shadow.adoptedStyleSheets = [sheet];
    const root = el('div', { class: 'root', part: 'root' });
    this.input = el('input', {
      type: 'search', part: 'input', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
      'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': `${id}-list`,
    });
    this.list = el('ul', { id: `${id}-list`, role: 'listbox', part: 'results' });
    this.status = el('span', { class: 'status', part: 'status', role: 'status' });
    root.append(this.input, this.list, this.status);
    this.shadow.append(root);
    this.id_ = id;
    this.hits = [];
    this.selected = -1;
    this.input.addEventListener('input', () => this.run());
    this.input.addEventListener('keydown', (e) => this.key(e));
    this.list.addEventListener('click', (e) => {
      const li = e.target.closest('li');
      if (li) this.choose(Number(li.dataset.index));
    });
  }

  connectedCallback() {
    this.input.setAttribute('aria-label', this.getAttribute('label') ?? 'Search the resolutions');
    this.input.placeholder = this.getAttribute('placeholder') ?? 'Search the resolutions…';
    if (this.hasAttribute('query') && !this.input.value) this.input.value = this.getAttribute('query');
    this.load();
  }

  attributeChangedCallback(name) {
    if (name === 'placeholder') this.input.placeholder = this.getAttribute('placeholder') ?? '';
    if (name === 'bundle' && this.isConnected) this.load();
  }

  load() {
    const url = new URL(this.getAttribute('bundle') ?? 'corpus.rlx', here).href;
    this.engine = engineFor(url);
    this.engine.then(() => this.run(), (e) => this.say(`Resolex could not load its corpus: ${e.message ?? e}`));
  }

  async run() {
    const { engine, fetchPart } = await this.engine;
    const lang = this.getAttribute('lang');
    const typed = this.input.value;
    const query = typed.trim() && lang ? `${typed} lang:${lang}` : typed;
    const limit = Math.max(1, Math.min(50, Number(this.getAttribute('limit')) || 8));
    let r;
    try {
      r = JSON.parse(await whole(engine, () => engine.suggest(query, limit), fetchPart));
    } catch (e) {
      // A part that did not arrive: say which; the next keystroke, or the retry, asks again.
      if (typed === this.input.value) this.fail(`Resolex could not load part of its corpus: ${e.message ?? e}`);
      return;
    }
    if (typed !== this.input.value) return; // a later keystroke has run
    if (r.error) {
      this.fail(`Resolex could not answer: ${r.error}`);
      return;
    }
    this.hits = r.hits;
    this.selected = r.hits.length ? 0 : -1;
    this.list.replaceChildren(...r.hits.map((h, i) => this.option(h, i)));
    this.input.setAttribute('aria-expanded', String(r.hits.length > 0));
    this.mark();
    const count = r.total === 0 ? 'No paragraph matches' : `${r.total} ${r.total === 1 ? 'hit' : 'hits'}`;
    // What the engine did with the query, such as a misspelt word's corrections.
    const notes = (r.notes ?? []).join('; ');
    this.say(!typed.trim() ? '' : notes ? `${count} (${notes})` : count);
  }

  option(h, i) {
    const li = el('li', { id: `${this.id_}-${i}`, role: 'option', part: 'result', 'aria-selected': 'false' });
    li.dataset.index = String(i);
    const cite = el('span', { class: 'cite', part: 'cite' });
    cite.append(h.cite, el('span', { class: 'lang' }, h.lang));
    const snippet = el('span', { class: 'snippet', part: 'snippet', lang: h.lang, dir: h.lang === 'ar' ? 'rtl' : 'auto' });
    if (h.before) snippet.append('…');
    for (const [text, marked] of h.snippet) snippet.append(marked ? el('mark', { part: 'mark' }, text) : text);
    if (h.after) snippet.append('…');
    li.append(cite, snippet);
    return li;
  }

  key(e) {
    const n = this.hits.length;
    if (e.key === 'ArrowDown' && n) this.selected = (this.selected + 1) % n;
    else if (e.key === 'ArrowUp' && n) this.selected = (this.selected - 1 + n) % n;
    else if (e.key === 'Enter' && this.selected >= 0) this.choose(this.selected);
    else if (e.key === 'Escape') { this.input.value = ''; this.run(); }
    else return;
    e.preventDefault();
    this.mark();
  }

  mark() {
    [...this.list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === this.selected)));
    const active = this.list.children[this.selected];
    if (active) {
      this.input.setAttribute('aria-activedescendant', active.id);
      active.scrollIntoView({ block: 'nearest' });
    } else {
      this.input.removeAttribute('aria-activedescendant');
    }
  }

  choose(i) {
    const h = this.hits[i];
    if (!h) return;
    const detail = { doc: h.doc, lang: h.lang, para: h.para, cite: h.cite, text: h.text };
    const go = this.dispatchEvent(new CustomEvent('resolex-select', { detail, bubbles: true, composed: true, cancelable: true }));
    const explorer = this.getAttribute('explorer');
    if (go && explorer) {
      const url = new URL(explorer, document.baseURI);
      url.hash = h.href;
      const target = this.getAttribute('target') ?? '_self';
      if (target === '_self') window.location.assign(url.href);
      else window.open(url.href, target, 'noopener');
    }
  }

  say(text) {
    this.status.textContent = text;
  }

  /** A failure the reader can act on: the message, and a button that asks again. */
  fail(text) {
    const retry = el('button', { type: 'button', class: 'retry', part: 'retry' }, 'Retry');
    retry.addEventListener('click', () => this.run());
    this.status.replaceChildren(text, ' ', retry);
  }
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

if (!customElements.get('resolex-search')) customElements.define('resolex-search', ResolexSearch);
