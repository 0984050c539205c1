// The demo page shows the last `resolex-select` it heard, from the element or the iframe.
const out = document.getElementById('demo-event');
const show = (d) => { out.textContent = `${d.cite} [${d.lang}]`; };
document.addEventListener('resolex-select', (e) => show(e.detail));
window.addEventListener('message', (e) => { if (e.data?.type === 'resolex-select') show(e.data.detail); });
