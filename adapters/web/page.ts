/**
 * The web chat page: pick a person, chat, click card buttons; the inbox (notifications, digests)
 * is polled. Everything from the server is inserted as text, never as HTML.
 */
export const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Workplace assistant</title>
<style>
body{font:15px system-ui,sans-serif;margin:0;display:flex;flex-direction:column;height:100vh;background:#f4f5f7}
header{padding:8px 12px;background:#1f2937;color:#fff;display:flex;gap:8px;align-items:center}
#log{flex:1;overflow:auto;padding:12px;display:flex;flex-direction:column;gap:8px}
.msg{max-width:70%;padding:8px 10px;border-radius:8px;white-space:pre-wrap;background:#fff}
.me{align-self:flex-end;background:#dbeafe}.notice{border-left:3px solid #f59e0b}
.card{background:#fff;border:1px solid #d1d5db;border-radius:8px;padding:10px;max-width:70%}
.card h3{margin:0 0 4px}.card .sub{color:#6b7280;margin-bottom:6px}.card dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:6px 0}
.card dt{color:#6b7280}.card dd{margin:0;white-space:pre-wrap}.card .body{white-space:pre-wrap;margin:6px 0}
.status-approved{border-left:4px solid #16a34a}.status-rejected{border-left:4px solid #dc2626}.status-pending{border-left:4px solid #f59e0b}
.card button{margin:4px 4px 0 0}.primary{background:#2563eb;color:#fff}.danger{background:#dc2626;color:#fff}
form{display:flex;gap:8px;padding:8px;background:#fff;border-top:1px solid #d1d5db}#text{flex:1;padding:8px}
</style></head><body>
<header><strong>Workplace assistant</strong><label>as <select id="who"></select></label></header>
<main id="log" aria-live="polite"></main>
<form id="send"><input id="text" autocomplete="off" placeholder="帮助 / help"><button>Send</button></form>
<script>
const log = document.getElementById('log'), who = document.getElementById('who'), input = document.getElementById('text');
const seen = new Set();
function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
function show(reply, extra) {
  if (reply.text != null) { log.append(el('div', 'msg ' + (extra || ''), reply.text)); }
  else if (reply.card) {
    const c = reply.card, box = el('div', 'card ' + (c.status ? 'status-' + c.status : '') + ' ' + (extra || ''));
    box.append(el('h3', null, c.title));
    if (c.subtitle) box.append(el('div', 'sub', c.subtitle));
    if (c.fields.length) { const dl = el('dl'); for (const [k, v] of c.fields) dl.append(el('dt', null, k), el('dd', null, v)); box.append(dl); }
    if (c.body) box.append(el('div', 'body', c.body));
    for (const a of c.actions) {
      const b = el('button', a.style, a.label);
      b.onclick = () => post('/web/api/actions', { employee: who.value, actionId: a.actionId, value: a.value, locale: a.locale });
      box.append(b);
    }
    log.append(box);
  }
  log.scrollTop = log.scrollHeight;
}
async function post(path, body) {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = await res.json();
  if (!res.ok) return show({ text: data.error });
  for (const r of data.replies) show(r);
}
async function poll() {
  if (!who.value) return;
  const res = await fetch('/web/api/inbox?employee=' + encodeURIComponent(who.value));
  if (!res.ok) return;
  for (const m of (await res.json()).messages) if (!seen.has(m.id)) { seen.add(m.id); show(m.reply, 'notice'); }
}
document.getElementById('send').onsubmit = (e) => {
  e.preventDefault(); const text = input.value.trim(); if (!text) return;
  show({ text }, 'me'); input.value = ''; post('/web/api/messages', { employee: who.value, text });
};
who.onchange = () => { log.replaceChildren(); seen.clear(); localStorage.setItem('who', who.value); poll(); };
fetch('/web/api/people').then((r) => r.json()).then(({ people }) => {
  for (const p of people) who.append(new Option(p.name + ' · ' + p.department + ' · ' + p.email, p.email));
  const saved = localStorage.getItem('who'); if (saved && people.some((p) => p.email === saved)) who.value = saved;
  poll(); setInterval(poll, 5000);
});
</script></body></html>`;
