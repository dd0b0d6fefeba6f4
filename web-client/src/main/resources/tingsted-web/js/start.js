// @ts-check
// The start page: how to join, and a field for the code printed on the card. A code typed here
// is posted to /j, which answers with the person's own link (the member app, or the console for
// facilitators); the page goes there. Without JavaScript the form posts all the same and the
// server redirects. "?problem=link" (set by the member app when the server refuses its link)
// shows why the person landed here.

import { preferredLanguage, setLanguage, translatePage, t, language } from './i18n.js';

const form = /** @type {HTMLFormElement} */ (document.getElementById('start-form'));
const field = /** @type {HTMLInputElement} */ (document.getElementById('start-code'));
const error = /** @type {HTMLElement} */ (document.getElementById('start-error'));
const submit = /** @type {HTMLButtonElement} */ (form.querySelector('button[type=submit]'));
const problem = /** @type {HTMLElement} */ (document.getElementById('start-problem'));
const select = /** @type {HTMLSelectElement} */ (document.getElementById('lang'));

// A link with a token that landed here (e.g. "/#<token>") belongs to the member app.
if (location.hash.length > 1) location.replace(`/join${location.hash}`);

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The eight characters of a code, or null. @param {string} typed */
export function normalize(typed) {
  const bare = typed.toUpperCase().replace(/[\s\-\u2010\u2013]/g, '');
  if (bare.length !== 8 || [...bare].some((c) => !ALPHABET.includes(c))) return null;
  return bare;
}

/** @type {string | null} */
let shownError = null;

function render() {
  translatePage(document);
  select.value = language();
  problem.hidden = new URLSearchParams(location.search).get('problem') !== 'link';
  error.textContent = shownError ? t(shownError) : '';
  field.setAttribute('aria-invalid', shownError ? 'true' : 'false');
}

/** @param {string | null} key */
function fail(key) {
  shownError = key;
  render();
  field.focus();
  field.select();
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const code = normalize(field.value);
  if (!code) {
    fail(field.value.trim() ? 'start.error.format' : 'start.error.empty');
    return;
  }
  submit.disabled = true;
  try {
    const response = await fetch('/j', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ code }),
      cache: 'no-store',
      credentials: 'omit',
    });
    if (response.ok) {
      const { url } = await response.json();
      location.assign(url);
      return;
    }
    fail(response.status === 429 ? 'start.error.limited' : response.status === 404 ? 'start.error.unknown' : 'start.error.other');
  } catch {
    fail('start.error.offline');
  } finally {
    submit.disabled = false;
  }
});

select.addEventListener('change', async () => {
  await setLanguage(select.value);
  render();
});

await setLanguage(preferredLanguage());
render();
