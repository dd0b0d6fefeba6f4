// @ts-check
/**
 * Strings for the web apps, from i18n/<lang>.json (and, for each bundle added with
 * addBundle, i18n/<bundle>.<lang>.json). Danish is the default; the choice is kept in
 * localStorage and <html lang> follows it.
 */

export const LANGUAGES = /** @type {const} */ (['da', 'en']);
const STORAGE_KEY = 'tingsted.lang';

/** @type {Record<string, string>} */
let strings = {};
/** @type {string} */
let current = 'da';
/** @type {string[]} */
const bundles = [];
/** Fires 'change' ({lang}) after every setLanguage. */
export const i18nEvents = new EventTarget();

/** Adds a bundle of strings loaded beside the common ones, e.g. 'console'. @param {string} name */
export function addBundle(name) {
  if (!bundles.includes(name)) bundles.push(name);
}

/** The language chosen before, else Danish. */
export function preferredLanguage() {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved && /** @type {readonly string[]} */ (LANGUAGES).includes(saved)) return saved;
  } catch { /* storage denied */ }
  return 'da';
}

export function language() {
  return current;
}

/**
 * Loads the strings of a language, remembers the choice and sets <html lang>.
 * @param {string} [lang] default: the preferred language
 * @param {(url: URL) => Promise<Record<string, string>>} [load] for tests
 */
export async function setLanguage(lang = preferredLanguage(), load = fetchJson) {
  const chosen = /** @type {readonly string[]} */ (LANGUAGES).includes(lang) ? lang : 'da';
  const base = new URL('../i18n/', import.meta.url);
  const files = [new URL(`${chosen}.json`, base), ...bundles.map((b) => new URL(`${b}.${chosen}.json`, base))];
  const loaded = await Promise.all(files.map((u) => load(u).catch(() => ({}))));
  strings = Object.assign({}, ...loaded);
  current = chosen;
  try { globalThis.localStorage?.setItem(STORAGE_KEY, chosen); } catch { /* storage denied */ }
  if (globalThis.document) globalThis.document.documentElement.lang = chosen;
  i18nEvents.dispatchEvent(new CustomEvent('change', { detail: { lang: chosen } }));
  return chosen;
}

/** Sets the strings directly (tests, or a page that bundles them). @param {string} lang @param {Record<string, string>} table */
export function useStrings(lang, table) {
  current = lang;
  strings = { ...table };
}

/** @param {URL} url */
async function fetchJson(url) {
  const res = await fetch(url, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

/**
 * The string for a key, with {name} placeholders filled from params. A missing key shows
 * the key itself, so that it is noticed.
 * @param {string} key @param {Record<string, string | number>} [params]
 */
export function t(key, params) {
  const s = pluralOf(key, params) ?? strings[key] ?? key;
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (m, name) => (params[name] !== undefined ? String(params[name]) : m));
}

/**
 * The plural form of a key when params carry a numeric count and the table has the form:
 * "votes.dotsLeft.one" / "votes.dotsLeft.other", chosen by Intl.PluralRules of the language.
 * @param {string} key @param {Record<string, string | number>} [params]
 */
function pluralOf(key, params) {
  const count = params?.count;
  if (typeof count !== 'number') return undefined;
  return strings[`${key}.${new Intl.PluralRules(current).select(count)}`] ?? strings[`${key}.other`];
}

/** A number in the language's form: 33,3 in Danish. @param {number} n @param {number} [digits] */
export function formatNumber(n, digits = 0) {
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** A share (0..1) as a percentage in the language's form: "33,3 %". @param {number} share @param {number} [digits] */
export function formatPercent(share, digits = 1) {
  return `${formatNumber(Math.round(share * 100 * 10 ** digits) / 10 ** digits, digits)} %`;
}

/** The locale of the language for Intl: da-DK or en-GB. */
export function locale() {
  return current === 'en' ? 'en-GB' : 'da-DK';
}

/** Whether a key has a string. @param {string} key */
export function has(key) {
  return Object.prototype.hasOwnProperty.call(strings, key);
}

/**
 * Fills the static text of a page: [data-i18n] sets textContent; [data-i18n-attr] holds
 * "attr:key" pairs separated by ';' (e.g. "aria-label:nav.main;placeholder:propose.hint").
 * @param {ParentNode} root
 */
export function translatePage(root = document) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(/** @type {string} */ (el.getAttribute('data-i18n')));
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of (el.getAttribute('data-i18n-attr') ?? '').split(';')) {
      const [attr, key] = pair.split(':').map((x) => x.trim());
      if (attr && key) el.setAttribute(attr, t(key));
    }
  }
}
