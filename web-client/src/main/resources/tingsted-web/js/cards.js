// @ts-check
// Join cards to print: one card per person of an assembly, with their name, role, table and
// the QR code of their join link. The admin token lives only in this page's memory: it is read
// from the field when fetching and never stored.

import { h } from './console-dom.js';
import { addBundle, setLanguage, translatePage, t, language as currentLanguage } from './i18n.js';

/**
 * @typedef {{member: string, name: string, role: string, session?: string, table?: string, token: string, url: string}} JoinLink
 * @typedef {{id: string, name: string, sessions: {id: string, name: string, date?: string, tables: {id: string, name: string}[]}[]}} Assembly
 */

const form = /** @type {HTMLFormElement} */ (document.getElementById('fetch'));
const tokenField = /** @type {HTMLInputElement} */ (document.getElementById('admin-token'));
const assemblyField = /** @type {HTMLInputElement} */ (document.getElementById('assembly'));
const submit = /** @type {HTMLButtonElement} */ (document.getElementById('fetch-submit'));
const printButton = /** @type {HTMLButtonElement} */ (document.getElementById('print'));
const status = /** @type {HTMLElement} */ (document.getElementById('cards-status'));
const list = /** @type {HTMLElement} */ (document.getElementById('card-list'));
const language = /** @type {HTMLSelectElement} */ (document.getElementById('lang'));

/** @type {{assembly: Assembly, links: JoinLink[]} | null} */
let loaded = null;

const params = new URLSearchParams(location.search);
if (params.get('assembly')) assemblyField.value = /** @type {string} */ (params.get('assembly'));

addBundle('console');
await setLanguage();
language.value = currentLanguage();
translatePage(document);
language.addEventListener('change', async () => {
  await setLanguage(language.value);
  translatePage(document);
  if (loaded) render(loaded.assembly, loaded.links);
});

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const id = assemblyField.value.trim();
  const token = tokenField.value.trim();
  if (!id || !token) return;
  submit.disabled = true;
  submit.setAttribute('aria-busy', 'true');
  say(t('cards.loading'), false);
  try {
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    const base = `/api/assemblies/${encodeURIComponent(id)}`;
    const [assembly, links] = await Promise.all([getJson(base, headers), getJson(`${base}/join-links`, headers)]);
    loaded = { assembly, links };
    render(assembly, links);
    printButton.disabled = links.length === 0;
    say(t('cards.loaded', { count: links.length, assembly: assembly.name }), false);
  } catch (err) {
    loaded = null;
    list.replaceChildren();
    printButton.disabled = true;
    const code = /** @type {any} */ (err).code;
    say(code === 'unauthorized' ? t('cards.error.unauthorized')
      : code === 'not_found' ? t('cards.error.notFound')
        : t('cards.error.other', { message: String(/** @type {any} */ (err).message ?? err) }), true);
  } finally {
    submit.disabled = false;
    submit.removeAttribute('aria-busy');
  }
});

printButton.addEventListener('click', () => window.print());

/** @param {string} url @param {Record<string, string>} headers */
async function getJson(url, headers) {
  const response = await fetch(url, { headers, cache: 'no-store', credentials: 'omit' });
  if (!response.ok) {
    let code = response.status === 401 ? 'unauthorized' : response.status === 404 ? 'not_found' : 'http';
    let message = `HTTP ${response.status}`;
    try {
      const body = await response.json();
      if (body && typeof body.error === 'string') code = body.error;
      if (body && typeof body.code === 'string') code = body.code;
      if (body && typeof body.message === 'string') message = body.message;
    } catch {
      // a body that is not JSON: the status says enough
    }
    throw Object.assign(new Error(message), { code });
  }
  return response.json();
}

/** @param {string} text @param {boolean} error */
function say(text, error) {
  status.textContent = text;
  status.classList.toggle('error', error);
}

/** @param {Assembly} assembly @param {JoinLink[]} links */
function render(assembly, links) {
  /** @type {Map<string, {name: string, order: number}>} */
  const tables = new Map();
  /** @type {Map<string, {name: string, order: number}>} */
  const sessions = new Map();
  let order = 0;
  for (const session of assembly.sessions ?? []) {
    sessions.set(session.id, { name: session.name, order: order++ });
    for (const table of session.tables ?? []) tables.set(table.id, { name: table.name, order: order++ });
  }
  const rank = (/** @type {JoinLink} */ l) => [
    sessions.get(l.session ?? '')?.order ?? -1,
    l.table ? tables.get(l.table)?.order ?? order : -1,
    l.role === 'lead_facilitator' ? 0 : l.role === 'facilitator' ? 1 : l.role === 'observer' ? 3 : 2,
  ];
  const sorted = links.map((l, i) => ({ l, i, r: rank(l) })).sort((a, b) =>
    a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2] || a.i - b.i).map((x) => x.l);
  const many = sessions.size > 1;
  const cards = sorted.map((link) => card(assembly, link,
    link.table ? tables.get(link.table)?.name ?? link.table : t('cards.noTable'),
    many ? sessions.get(link.session ?? '')?.name ?? '' : ''));
  // Eight cards to a sheet of A4: each sheet is one printed page.
  const sheets = [];
  for (let i = 0; i < cards.length; i += 8) sheets.push(h('div', { class: 'sheet' }, cards.slice(i, i + 8)));
  list.replaceChildren(...sheets);
}

/**
 * @param {Assembly} assembly @param {JoinLink} link @param {string} tableName @param {string} sessionName
 */
function card(assembly, link, tableName, sessionName) {
  const qr = h('div', { class: 'qr', role: 'img', 'aria-label': t('cards.qrLabel', { name: link.name }) });
  const el = h('article', { class: 'card', 'data-test': 'card', data: { member: link.member, role: link.role } },
    h('p', { class: 'card-assembly' }, assembly.name),
    h('h3', { class: 'card-name', 'data-test': 'card-name' }, link.name),
    h('p', { class: 'card-role', 'data-test': 'card-role' }, t(`console.role.${link.role}`)),
    h('p', { class: 'card-table', 'data-test': 'card-table' }, sessionName ? `${sessionName} · ${tableName}` : tableName),
    qr,
    h('p', { class: 'card-link', 'data-test': 'card-link' }, link.url),
    h('p', { class: 'card-hint' }, t('cards.hint')));
  drawQr(qr, link.url);
  return el;
}

/** @param {HTMLElement} target @param {string} url */
function drawQr(target, url) {
  const QRCode = /** @type {any} */ (window).QRCode;
  if (typeof QRCode !== 'function') {
    target.append(h('p', { class: 'error' }, t('cards.error.qr')));
    return;
  }
  try {
    new QRCode(target, { text: url, width: 176, height: 176, colorDark: '#000000', colorLight: '#ffffff',
      correctLevel: QRCode.CorrectLevel.M });
    // The library puts the link in a tooltip and leaves its <img> without alt text; the
    // container carries the accessible name instead.
    target.removeAttribute('title');
    for (const img of target.querySelectorAll('img')) img.alt = '';
    for (const canvas of target.querySelectorAll('canvas')) canvas.setAttribute('aria-hidden', 'true');
  } catch {
    target.replaceChildren(h('p', { class: 'error' }, t('cards.error.qr')));
  }
}
