// @ts-check
// Join cards to print: one card per person of an assembly, with their name, role, table, the
// QR code of their short link (/j/<code>, which opens a member's app and a facilitator's
// console) and their join code printed large, to type at the server's address when a camera
// cannot scan. No internal id is printed. The page calls the admin API with the administrator's
// staff session (an HttpOnly cookie set by the login at /staff.html); without one it sends the
// person to log in and brings them back.

import { h, option } from './console-dom.js';
import { addBundle, setLanguage, translatePage, t, language as currentLanguage } from './i18n.js';

/**
 * @typedef {{member: string, name: string, role: string, session?: string, table?: string, token: string, url: string,
 *   consoleUrl?: string, code: string, codeUrl: string}} JoinLink
 * @typedef {{id: string, name: string, sessions: {id: string, name: string, date?: string, tables: {id: string, name: string}[]}[]}} Assembly
 */

/** The roles whose link opens the facilitators' console. */
const CONSOLE_ROLES = new Set(['facilitator', 'lead_facilitator']);

const form = /** @type {HTMLFormElement} */ (document.getElementById('fetch'));
const assemblyField = /** @type {HTMLInputElement} */ (document.getElementById('assembly'));
const submit = /** @type {HTMLButtonElement} */ (document.getElementById('fetch-submit'));
const printButton = /** @type {HTMLButtonElement} */ (document.getElementById('print'));
const status = /** @type {HTMLElement} */ (document.getElementById('cards-status'));
const list = /** @type {HTMLElement} */ (document.getElementById('card-list'));
const language = /** @type {HTMLSelectElement} */ (document.getElementById('lang'));
const choiceField = /** @type {HTMLElement} */ (document.getElementById('assembly-choice-field'));
const choice = /** @type {HTMLSelectElement} */ (document.getElementById('assembly-choice'));

/** @type {{assembly: Assembly, links: JoinLink[]} | null} */
let loaded = null;

const params = new URLSearchParams(location.search);
if (params.get('assembly')) assemblyField.value = /** @type {string} */ (params.get('assembly'));

/** Sends someone without a staff session to log in, and back here after. */
function toLogin() {
  location.assign(`/staff.html?next=${encodeURIComponent(location.pathname + location.search)}`);
}

// Without a staff session, straight to the login (asking /api/login, which is never refused).
const login = await fetch('/api/login', { cache: 'no-store', credentials: 'same-origin' }).then((r) => r.json()).catch(() => null);
if (login && !login.signedIn) toLogin();

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
  submit.disabled = true;
  submit.setAttribute('aria-busy', 'true');
  say(t('cards.loading'), false);
  try {
    const headers = { Accept: 'application/json' };
    if (id) await load(id, headers);
    else await findAssembly(headers);
  } catch (err) {
    loaded = null;
    list.replaceChildren();
    printButton.disabled = true;
    const code = /** @type {any} */ (err).code;
    if (code === 'unauthorized') {
      // The staff session ended meanwhile: log in, then come back here.
      toLogin();
      return;
    }
    say(code === 'forbidden' ? t('cards.error.forbidden')
      : code === 'not_found' ? t('cards.error.notFound')
        : t('cards.error.other', { message: String(/** @type {any} */ (err).message ?? err) }), true);
  } finally {
    submit.disabled = false;
    submit.removeAttribute('aria-busy');
  }
});

printButton.addEventListener('click', () => window.print());

// Choosing among the server's assemblies fills in the id and fetches its cards.
choice.addEventListener('change', () => {
  if (!choice.value) return;
  assemblyField.value = choice.value;
  form.requestSubmit();
});

/** Fetches the cards of assembly `id` and shows them. @param {string} id @param {Record<string, string>} headers */
async function load(id, headers) {
  const base = `/api/assemblies/${encodeURIComponent(id)}`;
  const [assembly, links] = await Promise.all([getJson(base, headers), getJson(`${base}/join-links`, headers)]);
  loaded = { assembly, links };
  render(assembly, links);
  printButton.disabled = links.length === 0;
  say(t('cards.loaded', { count: links.length, assembly: assembly.name }), false);
  // The address keeps the assembly, so that a reload or a bookmark comes back to it.
  const here = new URL(location.href);
  here.searchParams.set('assembly', assembly.id);
  history.replaceState(null, '', here);
}

/**
 * No assembly named: asks the server for its assemblies (which also checks the login).
 * One is fetched at once; among several, the person chooses.
 * @param {Record<string, string>} headers
 */
async function findAssembly(headers) {
  /** @type {Assembly[]} */
  const all = await getJson('/api/assemblies', headers);
  if (all.length === 1) {
    choiceField.hidden = true;
    assemblyField.value = all[0].id;
    await load(all[0].id, headers);
    return;
  }
  loaded = null;
  list.replaceChildren();
  printButton.disabled = true;
  if (all.length === 0) {
    choiceField.hidden = true;
    say(t('cards.noAssemblies'), true);
    return;
  }
  const sorted = [...all].sort((a, b) => a.name.localeCompare(b.name, currentLanguage()));
  choice.replaceChildren(h('option', { value: '', 'data-i18n': 'cards.choosePrompt' }, t('cards.choosePrompt')),
    ...sorted.map((a) => option(a.id, assemblyLabel(a, all))));
  choiceField.hidden = false;
  say(t('cards.several', { count: all.length }), false);
  choice.focus();
}

/**
 * An assembly's name in the list, with its first session's date when another has the same name.
 * @param {Assembly} a @param {Assembly[]} all
 */
function assemblyLabel(a, all) {
  const date = a.sessions?.[0]?.date;
  return date && all.some((b) => b !== a && b.name === a.name) ? `${a.name} (${date})` : a.name;
}

/** @param {string} url @param {Record<string, string>} headers */
async function getJson(url, headers) {
  const response = await fetch(url, { headers, cache: 'no-store', credentials: 'same-origin' });
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
  const cards = sorted.map((link) => {
    // Names only, never an id: a table the assembly does not list leaves its line out.
    const table = link.table ? tables.get(link.table)?.name : t('cards.noTable');
    const session = many && link.session ? sessions.get(link.session)?.name : undefined;
    return card(assembly, link, [session, table].filter(Boolean).join(' · '));
  });
  // Eight cards to a sheet of A4: each sheet is one printed page.
  const sheets = [];
  for (let i = 0; i < cards.length; i += 8) sheets.push(h('div', { class: 'sheet' }, cards.slice(i, i + 8)));
  list.replaceChildren(...sheets);
}

/**
 * One card. A facilitator's short link opens the console (the server sends them there), so its
 * QR code, link and code all lead to the console; the card says so.
 * @param {Assembly} assembly @param {JoinLink} link @param {string} place table (and session), or ''
 */
function card(assembly, link, place) {
  const consoleCard = CONSOLE_ROLES.has(link.role);
  const target = link.codeUrl;
  const qr = h('div', { class: 'qr', role: 'img',
    'aria-label': t(consoleCard ? 'cards.qrLabelConsole' : 'cards.qrLabel', { name: link.name }) });
  const where = withAddress(t('cards.typeAt', { address: '\u0000' }), originOf(target));
  const el = h('article', { class: consoleCard ? 'card console-card' : 'card', 'data-test': 'card', data: { role: link.role } },
    h('p', { class: 'card-assembly' }, assembly.name),
    h('h3', { class: 'card-name', 'data-test': 'card-name' }, link.name),
    h('p', { class: 'card-role', 'data-test': 'card-role' },
      t(consoleCard ? `cards.console.${link.role}` : `console.role.${link.role}`)),
    place ? h('p', { class: 'card-table', 'data-test': 'card-table' }, place) : null,
    h('div', { class: 'card-join' },
      qr,
      h('div', { class: 'card-type' },
        h('p', { class: 'card-code-label' }, t('cards.codeLabel')),
        h('p', { class: 'card-code', 'data-test': 'card-code', translate: 'no' }, link.code),
        h('p', { class: 'card-where', 'data-test': 'card-where' }, where))),
    h('p', { class: 'card-link' }, h('a', { href: target, 'data-test': 'card-link', translate: 'no' }, target)),
    h('p', { class: 'card-hint' }, t(consoleCard ? 'cards.hintConsole' : 'cards.hint')));
  drawQr(qr, target);
  return el;
}

/** The address to type the code at: where the short link points, e.g. "http://192.168.1.20:8080". @param {string} url */
function originOf(url) {
  try {
    return new URL(url, location.href).origin;
  } catch {
    return location.origin;
  }
}

/**
 * A sentence with the address set apart, at the place the translation put its placeholder
 * (a NUL character, which no translation contains).
 * @param {string} sentence @param {string} address
 */
function withAddress(sentence, address) {
  const [before, after = ''] = sentence.split('\u0000');
  return [before, h('strong', { class: 'card-address', translate: 'no' }, address), after];
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
