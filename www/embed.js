// The iframe embed (embed.html?q=…&bundle=…&lang=…&limit=…): one widget that fills the frame.
// A choice opens the paragraph in the explorer in a new tab and is posted to the host page as
// {type: 'resolex-select', detail} for hosts that want it.
const params = new URLSearchParams(window.location.search);
const widget = document.getElementById('search');
for (const [param, attr] of [['q', 'query'], ['bundle', 'bundle'], ['lang', 'lang'], ['limit', 'limit']]) {
  if (params.has(param)) widget.setAttribute(attr, params.get(param));
}
widget.addEventListener('resolex-select', (e) => {
  if (window.parent !== window) window.parent.postMessage({ type: 'resolex-select', detail: e.detail }, '*');
});
await import('./widget.js');
