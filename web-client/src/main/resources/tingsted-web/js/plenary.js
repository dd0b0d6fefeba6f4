// @ts-check
/**
 * The plenary in the member app: the session's open draft recommendations, where they came
 * from, the result of the final vote on each, the City Council's answer, and a link to the
 * published report. Everything comes from the session stream's state; text people wrote is
 * only ever set as textContent.
 */
import { t, language } from './i18n.js';
import { h, setText, setAttr, syncList } from './dom.js';

/**
 * @typedef {object} PlenaryContext
 * @property {any} session the session stream's state, or undefined
 * @property {string | undefined} assembly from the welcome message
 * @property {string | undefined} sessionId from the welcome message
 * @property {(table: string) => string} tableName a table's name, else its id
 */

/** The number at the end of an id (d12 -> 12), to keep the server's order. @param {string} id */
function num(id) {
  const m = /(\d+)$/.exec(id ?? '');
  return m ? Number(m[1]) : 0;
}

/** A share (0..1) as a percentage with one decimal, in the app's language. @param {number} share */
export function formatShare(share) {
  const n = new Intl.NumberFormat(language() === 'en' ? 'en-GB' : 'da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${n.format(Math.round(share * 1000) / 10)} %`;
}

/** A YYYY-MM-DD day in the app's language; the text itself when it is not such a day. @param {string} date */
export function formatDay(date) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!m) return date ?? '';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(language() === 'en' ? 'en-GB' : 'da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/**
 * The open drafts, in the order they were promoted.
 * @param {any} session @returns {any[]}
 */
export function openDrafts(session) {
  return Object.values(session?.drafts ?? {}).filter((d) => d.status === 'open').sort((a, b) => num(a.id) - num(b.id));
}

/**
 * The latest closed final vote's figures for a draft, with the vote's threshold, or null.
 * @param {any} session @param {string} draft
 * @returns {{vote: string, threshold: number, share: number, adopted: boolean, support: number} | null}
 */
export function latestFinalResult(session, draft) {
  const closed = Object.values(session?.finalVotes ?? {})
    .filter((f) => f.status === 'closed' && f.result && (f.result.drafts ?? []).some((/** @type {any} */ x) => x.draft === draft))
    .sort((a, b) => num(b.id) - num(a.id));
  const f = closed[0];
  if (!f) return null;
  const x = f.result.drafts.find((/** @type {any} */ y) => y.draft === draft);
  const threshold = f.result.threshold ?? f.threshold;
  return { vote: f.id, threshold, share: x.share, adopted: typeof x.adopted === 'boolean' ? x.adopted : x.share >= threshold, support: x.support };
}

/** The distinct tables a draft came from, in the order of its sources. @param {any} d @returns {string[]} */
export function sourceTables(d) {
  return [...new Set((d.sources ?? []).map((/** @type {any} */ s) => s.table).filter(Boolean))];
}

/**
 * Renders the plenary section.
 * @param {PlenaryContext} c
 * @param {{list: HTMLElement, empty: HTMLElement, reportBox: HTMLElement, reportLink: HTMLElement}} els
 */
export function renderPlenary(c, els) {
  const s = c.session;
  const drafts = openDrafts(s);
  els.empty.hidden = drafts.length > 0;
  els.list.hidden = drafts.length === 0;
  syncList(els.list, drafts, (d) => d.id, createDraft, (el, d) => updateDraft(el, d, c));

  const published = Boolean(s?.reportPublished) && Boolean(c.assembly) && Boolean(c.sessionId);
  els.reportBox.hidden = !published;
  if (published) {
    setAttr(els.reportLink, 'href',
      `/reports/${encodeURIComponent(/** @type {string} */ (c.assembly))}/${encodeURIComponent(/** @type {string} */ (c.sessionId))}?format=html&lang=${language()}`);
  } else {
    els.reportLink.removeAttribute('href');
  }
}

let seq = 0;

/** @param {any} d */
function createDraft(d) {
  seq += 1;
  const titleId = `draft-title-${seq}`;
  return h('li', { class: 'card draft', 'data-test': 'draft', 'data-id': d.id, 'aria-labelledby': titleId },
    h('h3', { id: titleId, class: 'card-title draft-title', 'data-test': 'draft-title' }),
    h('p', { class: 'card-text', 'data-test': 'draft-text' }),
    h('p', { class: 'meta draft-sources', 'data-test': 'draft-sources' }),
    h('p', { class: 'draft-outcome', 'data-test': 'draft-result', hidden: true }),
    h('div', { class: 'draft-answer-box', 'aria-live': 'polite' }));
}

/** @param {HTMLElement} el @param {any} d @param {PlenaryContext} c */
function updateDraft(el, d, c) {
  const q = (/** @type {string} */ sel) => /** @type {HTMLElement} */ (el.querySelector(sel));
  setText(q('.draft-title'), d.title ?? '');
  setText(q('[data-test=draft-text]'), d.text ?? '');
  const tables = sourceTables(d).map((id) => c.tableName(id));
  setText(q('.draft-sources'), tables.length ? t('plenary.from', { tables: tables.join(', ') }) : '');
  q('.draft-sources').hidden = tables.length === 0;

  const r = latestFinalResult(c.session, d.id);
  const outcome = q('.draft-outcome');
  outcome.hidden = !r;
  if (r) {
    setText(outcome, t(r.adopted ? 'plenary.resultAdopted' : 'plenary.resultNotAdopted',
      { share: formatShare(r.share), threshold: formatShare(r.threshold) }));
    setAttr(outcome, 'data-adopted', String(r.adopted));
    outcome.classList.toggle('adopted', r.adopted);
    outcome.classList.toggle('not-adopted', !r.adopted);
  } else {
    outcome.removeAttribute('data-adopted');
  }

  const box = q('.draft-answer-box');
  const a = d.answer;
  let answer = /** @type {HTMLElement | null} */ (box.querySelector('[data-test=draft-answer]'));
  if (!a) {
    answer?.remove();
    return;
  }
  if (!answer) {
    answer = h('div', { class: 'draft-answer', 'data-test': 'draft-answer' },
      h('h4', { class: 'answer-title' }),
      h('p', { class: 'answer-head' },
        h('span', { class: 'badge answer-status', 'data-test': 'draft-answer-status' }), ' ',
        h('time', { class: 'answer-date', 'data-test': 'draft-answer-date' })),
      h('p', { class: 'answer-text', 'data-test': 'draft-answer-text' }));
    box.append(answer);
  }
  const qa = (/** @type {string} */ sel) => /** @type {HTMLElement} */ (/** @type {HTMLElement} */ (answer).querySelector(sel));
  setText(qa('.answer-title'), t('plenary.answerTitle'));
  const statusKey = `plenary.answerStatus.${a.status}`;
  const status = t(statusKey);
  setText(qa('.answer-status'), status === statusKey ? String(a.status ?? '') : status);
  setAttr(qa('.answer-status'), 'data-status', a.status ?? '');
  setAttr(answer, 'data-status', a.status ?? '');
  const date = qa('.answer-date');
  setAttr(date, 'datetime', a.date ?? null);
  setText(date, a.date ? t('plenary.answerDate', { date: formatDay(a.date) }) : '');
  setText(qa('.answer-text'), a.text ?? '');
  qa('.answer-text').hidden = !a.text;
}
