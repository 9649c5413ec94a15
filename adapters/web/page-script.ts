/**
 * The page's script. History comes from /web/api/history, then one EventSource follows the
 * conversation: an entry id seen before is redrawn where it stands (a decided card), a new one is
 * inserted in id order, so nothing shows twice. The view follows new entries only while the
 * reader is at the bottom. Everything from the server is inserted as text, never as HTML.
 */
export const PAGE_SCRIPT = `
const log = document.getElementById('log'), who = document.getElementById('who'), input = document.getElementById('text');
const below = document.getElementById('below');
/** Signed in: the session's CSRF token goes with every POST (empty in the demo). */
const csrf = document.querySelector('meta[name=csrf]').content;
const headers = { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) };
let people = [], person = null, stream = null, shown = new Map(), generation = 0, forms = 0;
function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text != null) e.textContent = text; return e; }
function atBottom() { return log.scrollHeight - log.scrollTop - log.clientHeight < 40; }
function toBottom() { log.scrollTop = log.scrollHeight; below.classList.remove('show'); }
function when(iso) {
  const at = new Date(iso);
  const opts = { timeZone: person.timezone, hour: '2-digit', minute: '2-digit', hour12: false };
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: person.timezone }).format(at);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: person.timezone }).format(new Date());
  if (day !== today) { opts.month = 'numeric'; opts.day = 'numeric'; }
  return new Intl.DateTimeFormat(person.locale, opts).format(at);
}
function drawCard(c) {
  const box = el('div', 'card' + (c.status ? ' status-' + c.status : ''));
  box.append(el('h3', null, c.title));
  if (c.subtitle) box.append(el('div', 'sub', c.subtitle));
  if (c.fields.length) { const dl = el('dl'); for (const [k, v] of c.fields) dl.append(el('dt', null, k), el('dd', null, v)); box.append(dl); }
  if (c.chart && c.chart.svg) {
    // drawn by the server; shown as an image, so nothing in it can run as script on this page
    const img = el('img', 'chart'); img.alt = c.chart.title;
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(c.chart.svg);
    box.append(img);
  }
  if (c.body) box.append(el('div', 'body', c.body));
  for (const a of c.actions) {
    const b = el('button', a.style, a.label);
    b.onclick = async () => { b.disabled = true; await post('/web/api/actions', { employee: person.email, actionId: a.actionId, value: a.value, locale: a.locale, forms: true }); b.disabled = false; };
    box.append(b);
  }
  return box;
}
function draw(entry, cls) {
  const box = el('div', 'entry ' + (cls || entry.from));
  if (entry.id != null) box.dataset.id = entry.id;
  const label = entry.from === 'notice' ? (person.locale === 'en' ? 'Notification · ' : '通知 · ') : '';
  box.append(el('div', 'meta', label + (entry.at ? when(entry.at) : '')));
  box.append(entry.reply.card ? drawCard(entry.reply.card) : el('div', 'msg', entry.reply.text));
  return box;
}
/** Draws an entry: in place when already shown, else in id order. */
function place(entry) {
  const old = shown.get(entry.id), follow = atBottom(), box = draw(entry);
  shown.set(entry.id, box);
  if (old) { old.replaceWith(box); return; }
  let next = null;
  for (const e of log.querySelectorAll('.entry[data-id]')) if (Number(e.dataset.id) > entry.id) { next = e; break; }
  log.insertBefore(box, next || below);
  if (follow) toBottom(); else below.classList.add('show');
  if (document.visibilityState === 'visible') remember(entry.id);
}
function remember(id) { const key = 'seen:' + person.email; if (id > Number(localStorage.getItem(key) || 0)) localStorage.setItem(key, String(id)); }
function note(text, cls) { const box = draw({ from: 'me', reply: { text } }, cls); log.insertBefore(box, below); toBottom(); return box; }
/** Posts to the JSON API; answers are placed, a form is drawn. Resolves to the response body, or null. */
async function post(path, body) {
  try {
    const res = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) });
    const data = await res.json();
    if (res.status === 422) return data;
    if (!res.ok) { note(data.error, 'bot error'); return null; }
    if (data.entries && data.entries.length) for (const e of data.entries) place(e);
    else for (const reply of data.replies || []) log.insertBefore(draw({ from: 'bot', reply }), below);
    if (data.form) drawForm(data.form);
    return data;
  } catch (err) { note(String(err), 'bot error'); return null; }
}
/**
 * A command's form, in the log where it was asked for. Required fields are marked; the server
 * checks the values with the command's own schema and names each problem beside its field.
 */
function drawForm(f) {
  const en = f.locale === 'en', id = 'f' + (++forms), inputs = new Map();
  const box = el('form', 'entry bot form card'); box.noValidate = true; box.id = id;
  box.append(el('h3', null, f.title));
  for (const field of f.fields) {
    const row = el('label', 'field'), caption = el('span', 'label', field.label);
    if (!field.optional) caption.append(el('span', 'required', ' *'));
    let input;
    if (field.kind === 'select') {
      input = el('select');
      input.append(new Option(en ? 'Choose…' : '请选择…', ''));
      for (const o of field.options || []) input.append(new Option(o.label, o.value));
    } else if (field.kind === 'textarea') input = el('textarea');
    else {
      input = el('input');
      input.type = field.kind === 'date' ? 'date' : field.kind === 'number' ? 'number' : 'text';
      if (field.kind === 'number') input.step = 'any';
    }
    input.name = field.name;
    if (field.initial) input.value = field.initial;
    if (!field.optional) input.setAttribute('aria-required', 'true');
    const error = el('div', 'field-error'); error.id = id + '-' + field.name + '-error';
    input.setAttribute('aria-describedby', error.id);
    row.append(caption, input, error); box.append(row); inputs.set(field.name, { input, error });
  }
  const submit = el('button', 'primary', en ? 'Submit' : '提交'), cancel = el('button', 'default', en ? 'Cancel' : '取消');
  cancel.type = 'button'; cancel.onclick = () => box.remove();
  box.append(submit, cancel);
  box.onsubmit = async (e) => {
    e.preventDefault(); submit.disabled = true;
    const values = {};
    for (const [name, { input, error }] of inputs) { values[name] = input.value; error.textContent = ''; input.removeAttribute('aria-invalid'); }
    const data = await post('/web/api/forms', { employee: person.email, intent: f.intent, values, locale: f.locale, eventId: id + ':' + crypto.randomUUID() });
    submit.disabled = false;
    if (data && data.fields) {
      let first = null;
      for (const [name, message] of Object.entries(data.fields)) {
        const field = inputs.get(name) || inputs.values().next().value;
        field.error.textContent = message; field.input.setAttribute('aria-invalid', 'true'); first = first || field.input;
      }
      if (first) first.focus();
    } else if (data) box.remove();
  };
  log.insertBefore(box, below); toBottom();
  const first = box.querySelector('input,select,textarea'); if (first) first.focus();
}
function follow(after) {
  if (stream) stream.close();
  document.body.dataset.live = 'connecting';
  stream = new EventSource('/web/api/stream?employee=' + encodeURIComponent(person.email) + '&after=' + after);
  stream.addEventListener('entry', (e) => place(JSON.parse(e.data)));
  stream.addEventListener('reset', () => load());
  stream.onopen = () => { document.body.dataset.live = 'open'; };
  stream.onerror = () => { document.body.dataset.live = 'reconnecting'; };
}
async function load() {
  const mine = ++generation;
  person = people.find((p) => p.email === who.value);
  if (stream) stream.close();
  for (const e of [...log.children]) if (e !== below) e.remove();
  shown = new Map();
  if (!person) return;
  const res = await fetch('/web/api/history?employee=' + encodeURIComponent(person.email));
  if (mine !== generation || !res.ok) return;
  const { seq, entries } = await res.json();
  const seen = Number(localStorage.getItem('seen:' + person.email) || 0);
  const firstNew = entries.find((e) => e.id > seen && e.from !== 'me');
  for (const e of entries) {
    if (e === firstNew && seen > 0) log.insertBefore(el('div', 'new-marker', person.locale === 'en' ? 'new' : '新消息'), below);
    const box = draw(e); shown.set(e.id, box); log.insertBefore(box, below);
  }
  const marker = log.querySelector('.new-marker');
  if (marker) marker.scrollIntoView({ block: 'start' }); else toBottom();
  if (entries.length) remember(entries[entries.length - 1].id);
  follow(seq);
}
log.addEventListener('scroll', () => { if (atBottom()) below.classList.remove('show'); });
below.onclick = toBottom;
const picker = document.getElementById('files');
/** Chosen files are uploaded first; the message then names them by id (the server checks they are ours). */
async function uploadChosen() {
  const ids = [];
  for (const f of picker.files) {
    const url = '/web/api/files?employee=' + encodeURIComponent(person.email) + '&name=' + encodeURIComponent(f.name);
    const r = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': f.type || 'application/octet-stream' }, body: f });
    const body = await r.json();
    if (!r.ok) { note(f.name + ': ' + body.error, 'error'); return null; }
    ids.push(body.id);
  }
  picker.value = '';
  return ids;
}
document.getElementById('send').onsubmit = async (e) => {
  e.preventDefault(); const text = input.value.trim(); if ((!text && !picker.files.length) || !person) return;
  const files = await uploadChosen(); if (!files) return;
  input.value = ''; const pending = note(text || files.length + ' 📎', 'me pending');
  await post('/web/api/messages', { employee: person.email, text, forms: true, ...(files.length ? { files } : {}) });
  pending.remove();
};
const signOut = document.getElementById('sign-out');
if (signOut) signOut.onclick = async () => { await fetch('/web/auth/sign-out', { method: 'POST', headers }); location.href = '/web/sign-in'; };
who.onchange = () => { localStorage.setItem('who', who.value); load(); };
fetch('/web/api/people').then((r) => r.json()).then((data) => {
  people = data.people;
  for (const p of people) { const o = new Option(p.name + ' · ' + p.department, p.email); o.title = p.email; who.append(o); }
  const saved = localStorage.getItem('who'); if (saved && people.some((p) => p.email === saved)) who.value = saved;
  load();
});
`;
