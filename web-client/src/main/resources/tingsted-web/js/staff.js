// @ts-check
// The staff login page: administrators and facilitators log in with their own account (or at
// the municipality's provider, when the server offers it); on the server's first start, the
// admin token makes the first administrator here. Once logged in, the page leads each to what
// they use: administrators to the join cards, facilitators to the consoles of the people their
// account is linked to. The session is an HttpOnly cookie the page never sees.
// "?next=/cards.html" (set by a page that needed a login) is where a login goes on to.
// "?oidc=<reason>" says why a login at the provider came back without a session.

import { addBundle, setLanguage, translatePage, t, language } from './i18n.js';

/**
 * @typedef {{username: string, displayName: string, roles: string[]}} Account
 * @typedef {{assemblyName: string, name: string, role: string, consoleUrl: string}} Console
 */

const loginForm = /** @type {HTMLFormElement} */ (document.getElementById('login-form'));
const bootstrapForm = /** @type {HTMLFormElement} */ (document.getElementById('bootstrap-form'));
const signedIn = /** @type {HTMLElement} */ (document.getElementById('signed-in'));
const who = /** @type {HTMLElement} */ (document.getElementById('signed-in-who'));
const ways = /** @type {HTMLElement} */ (document.getElementById('staff-ways'));
const problem = /** @type {HTMLElement} */ (document.getElementById('staff-problem'));
const loginError = /** @type {HTMLElement} */ (document.getElementById('login-error'));
const bootstrapError = /** @type {HTMLElement} */ (document.getElementById('bootstrap-error'));
const select = /** @type {HTMLSelectElement} */ (document.getElementById('lang'));
const field = (/** @type {string} */ id) => /** @type {HTMLInputElement} */ (document.getElementById(id));

const params = new URLSearchParams(location.search);
const OIDC_REASONS = ['denied', 'state', 'forbidden', 'provider'];

/** A local path to go on to after the login, never another site. */
function next() {
  const target = params.get('next');
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') ? target : null;
}

/** @type {{me: {account: Account, consoles: Console[]} | null, options: {oidc: boolean, bootstrap: boolean, signedIn: boolean} | null}} */
const state = { me: null, options: null };
/** @type {{el: HTMLElement, key: string, params?: Record<string, string | number>} | null} */
let shownError = null;

addBundle('staff');
await setLanguage();
select.addEventListener('change', async () => {
  await setLanguage(select.value);
  render();
});

/** @param {string} url @param {RequestInit} [init] */
async function call(url, init = {}) {
  const response = await fetch(url, {
    ...init,
    credentials: 'same-origin',
    cache: 'no-store',
    headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...(init.headers ?? {}) },
  });
  let body = null;
  try { body = await response.json(); } catch { /* no body */ }
  return { status: response.status, body };
}

async function refresh() {
  const options = await call('/api/login');
  state.options = options.status === 200 ? options.body : { oidc: false, bootstrap: false, signedIn: false };
  const me = state.options?.signedIn ? await call('/api/me') : null;
  state.me = me?.status === 200 ? me.body : null;
  render();
}

function render() {
  translatePage(document);
  select.value = language();
  const reason = params.get('oidc');
  problem.hidden = !reason || !!state.me;
  if (reason) problem.textContent = t(`staff.oidcError.${OIDC_REASONS.includes(reason) ? reason : 'provider'}`);
  signedIn.hidden = !state.me;
  loginForm.hidden = !!state.me;
  bootstrapForm.hidden = !!state.me || !state.options?.bootstrap;
  /** @type {HTMLElement} */ (document.getElementById('oidc')).hidden = !state.options?.oidc;
  loginError.textContent = shownError?.el === loginError ? t(shownError.key, shownError.params) : '';
  bootstrapError.textContent = shownError?.el === bootstrapError ? t(shownError.key, shownError.params) : '';
  if (state.me) renderWays(state.me.account, state.me.consoles ?? []);
}

/** @param {Account} account @param {Console[]} consoles */
function renderWays(account, consoles) {
  const roles = account.roles.map((r) => t(`staff.role.${r}`)).join(', ');
  who.textContent = t('staff.signedIn.who', { name: account.displayName, username: account.username, roles });
  const items = [];
  if (account.roles.includes('administrator')) {
    items.push(link('/cards.html', t('staff.way.cards'), 'staff-way-cards'));
  }
  for (const c of consoles) {
    items.push(link(c.consoleUrl, t('staff.way.console', { name: c.name, assembly: c.assemblyName, role: t(`staff.role.${c.role}`) }),
      'staff-way-console'));
  }
  if (items.length === 0) {
    const none = document.createElement('li');
    none.textContent = t('staff.way.none');
    items.push(none);
  }
  ways.replaceChildren(...items);
}

/** @param {string} href @param {string} text @param {string} hook */
function link(href, text, hook) {
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  a.dataset.test = hook;
  li.append(a);
  return li;
}

/** @param {HTMLElement} el @param {{status: number, body: any}} answer */
function fail(el, answer) {
  const code = answer.body?.code;
  const key = answer.status === 429 ? 'staff.error.rate_limited'
    : code === 'unauthorized' ? (el === bootstrapError ? 'staff.error.adminToken' : 'staff.error.unauthorized')
      : code === 'forbidden' ? 'staff.error.forbidden'
        : code === 'conflict' ? 'staff.error.conflict'
          : code === 'invalid' ? 'staff.error.invalid'
            : 'staff.error.other';
  shownError = { el, key, params: { message: String(answer.body?.message ?? answer.status) } };
  render();
}

/** @param {string} username @param {string} password */
async function logIn(username, password) {
  const answer = await call('/api/login', { method: 'POST', body: JSON.stringify({ username, password }) });
  if (answer.status !== 200) return answer;
  shownError = null;
  const target = next();
  if (target) {
    location.assign(target);
    return answer;
  }
  await refresh();
  return answer;
}

loginForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  const submit = /** @type {HTMLButtonElement} */ (loginForm.querySelector('button[type=submit]'));
  submit.disabled = true;
  try {
    const answer = await logIn(field('username').value.trim(), field('password').value);
    if (answer.status !== 200) {
      fail(loginError, answer);
      field('password').select();
    }
  } finally {
    submit.disabled = false;
  }
});

bootstrapForm.addEventListener('submit', async (e) => {
  e.preventDefault();
  const username = field('bootstrap-username').value.trim();
  const password = field('bootstrap-password').value;
  const answer = await call('/api/staff/bootstrap', {
    method: 'POST',
    headers: { Authorization: `Bearer ${field('bootstrap-token').value.trim()}` },
    body: JSON.stringify({ username, displayName: field('bootstrap-name').value.trim(), password }),
  });
  if (answer.status !== 201) {
    fail(bootstrapError, answer);
    return;
  }
  field('bootstrap-token').value = '';
  const login = await logIn(username, password);
  if (login.status !== 200) fail(loginError, login);
});

/** @type {HTMLButtonElement} */ (document.getElementById('logout')).addEventListener('click', async () => {
  await call('/api/logout', { method: 'POST' });
  state.me = null;
  await refresh();
  field('username').focus();
});

await refresh();
