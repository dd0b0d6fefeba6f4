// @ts-check
// The facilitators' console (console.html#<token>): the lead facilitator steers the session
// day, table facilitators run their tables. It connects with the facilitator's own join token,
// keeps the streams in a Store, and renders on every change. Every command shows "sending…"
// until its ack and a clear error when it is refused.

import { TingstedClient, codePointLength, keepWithinLimit, LIMITS } from './client.js';
import { Store } from './store.js';
import { enter, forget } from './credential.js';
import { tableStream, sessionStream, tableOf } from './streams.js';
import { addBundle, setLanguage, t, translatePage, language } from './i18n.js';
import { chime, chimeEnabled, setChimeEnabled, unlockAudio } from './chime.js';
import { h, patch } from './console-dom.js';
import { formatCountdown } from './store.js';
import { section, tableCard, timersView, tablePicker } from './console-common.js';
import { tableDetails } from './console-table.js';
import { agendaView, agendaDraftFrom, announceView, moveView, plenaryView } from './console-lead.js';

/** @typedef {import('./console-common.js').View} View */

const app = /** @type {HTMLElement} */ (document.getElementById('app'));
const nav = /** @type {HTMLElement} */ (document.getElementById('nav'));
const statusLine = /** @type {HTMLElement} */ (document.getElementById('status'));
const who = /** @type {HTMLElement} */ (document.getElementById('who'));
const live = /** @type {HTMLElement} */ (document.getElementById('live'));
const alertRegion = /** @type {HTMLElement} */ (document.getElementById('alert'));
const languageSelect = /** @type {HTMLSelectElement} */ (document.getElementById('lang'));

addBundle('console');
await setLanguage();
// The link's credential is exchanged for a session's and leaves the address (credential.js).
const entered = await enter();
const held = entered.held;
const token = held?.session ?? '';
languageSelect.value = language();
translatePage(document);

// The chime when a timer runs out: off by default, switched on per device (chime.js).
const chimeBox = /** @type {HTMLInputElement} */ (document.getElementById('chime'));
chimeBox.checked = chimeEnabled();
unlockAudio();
chimeBox.addEventListener('change', () => {
  setChimeEnabled(chimeBox.checked);
  if (chimeBox.checked) chime();
});

/** @type {Map<string, true>} */
const pending = new Map();
/** @type {Map<string, string>} */
const errors = new Map();
/** Local state of the page that is not the server's. @type {Record<string, any>} */
const ui = { selectedTable: null, agendaDraft: null, agendaSeen: null, voteMethod: {} };
/** @type {any} */
let consoleMsg = null;
/** @type {any} */
let welcome = null;
let refused = false;
let uidCounter = 0;

const store = new Store();
/** @type {TingstedClient | null} */
let client = null;

/** What the console says when it cannot get in. @param {string | undefined} problem */
function refusedText(problem) {
  return problem === 'revoked' ? t('console.revoked.text') : problem === 'expired' ? t('console.expired.text')
    : problem === 'offline' ? t('console.offline.text') : t('console.unauthorized.text');
}

if (!held) {
  showOnly(entered.problem === 'none'
    ? h('div', { class: 'panel' }, h('h2', {}, t('console.noToken.title')), h('p', {}, t('console.noToken.text')))
    : h('div', { class: 'panel', 'data-test': 'console-refused' }, h('h2', {}, t('console.unauthorized.title')), h('p', {}, refusedText(entered.problem))));
  if (entered.problem === 'offline') setTimeout(() => location.reload(), 5000);
} else {
  // The console always starts from snapshots: it keeps no state between page loads.
  client = new TingstedClient({ token, member: `${held.assembly}.${held.member}`, device: 'remote', persistentResume: false });
  store.bind(client);
  client.addEventListener('state', () => { showStatus(); });
  client.addEventListener('welcome', (e) => {
    welcome = /** @type {CustomEvent} */ (e).detail;
    showWho();
    schedule();
  });
  client.addEventListener('console', (e) => { consoleMsg = /** @type {CustomEvent} */ (e).detail; schedule(); });
  client.addEventListener('unauthorized', (e) => {
    refused = true;
    forget();
    showStatus();
    showOnly(h('div', { class: 'panel', 'data-test': 'console-refused' }, h('h2', {}, t('console.unauthorized.title')),
      h('p', {}, refusedText(/** @type {CustomEvent} */ (e).detail?.reason))));
  });
  client.addEventListener('error', (e) => {
    const msg = /** @type {CustomEvent} */ (e).detail;
    if (msg?.code && msg.code !== 'unauthorized') shout(errorText(msg.code));
  });
  store.addEventListener('change', (e) => {
    const { event } = /** @type {CustomEvent} */ (e).detail;
    if (event) announceEvent(event);
    schedule();
  });
  client.connect();
  showStatus();
}

languageSelect.addEventListener('change', async () => {
  await setLanguage(languageSelect.value);
  translatePage(document);
  showStatus();
  showWho();
  render();
});

function showStatus() {
  const state = refused ? 'offline' : client?.state ?? 'offline';
  statusLine.dataset.state = state;
  statusLine.textContent = refused ? t('console.status.refused') : t(`console.status.${state}`);
  if (state === 'replaced') {
    // Opened on more screens than the server keeps: this one waits until the person chooses it.
    const resume = document.createElement('button');
    resume.type = 'button';
    resume.className = 'secondary';
    resume.dataset.test = 'status-resume';
    resume.textContent = t('console.status.resume');
    resume.addEventListener('click', () => client?.reconnect());
    statusLine.append(' ', resume);
  }
}

function showWho() {
  const me = client?.me;
  who.textContent = me ? t('console.who', { name: me.name, role: t(`console.role.${me.role}`) }) : '';
}

/** @param {HTMLElement} el */
function showOnly(el) {
  patch(app, [el]);
  nav.replaceChildren();
}

let scheduled = false;
function schedule() {
  if (scheduled) return;
  scheduled = true;
  requestAnimationFrame(() => { scheduled = false; render(); });
}

/** The tables this person reads, in the session's order when the console push gives one. */
function readableTables() {
  const fromWelcome = Object.keys(welcome?.streams ?? {}).map(tableOf).filter((s) => s !== null);
  const order = /** @type {string[]} */ ((consoleMsg?.tables ?? []).map((/** @type {any} */ x) => x.table));
  const known = order.filter((id) => fromWelcome.includes(id));
  return [...known, ...fromWelcome.filter((id) => !known.includes(id))];
}

/** @returns {View | null} */
function view() {
  const me = client?.me;
  if (!me || !welcome) return null;
  const sessionId = welcome.session;
  const tables = readableTables();
  /** @type {Map<string, string>} */
  const names = new Map();
  for (const table of tables) for (const m of store.presence.get(table)?.members ?? []) names.set(m.id, m.name);
  names.set(me.id, me.name);
  return {
    me,
    lead: me.role === 'lead_facilitator',
    sessionId,
    session: store.session(sessionStream(sessionId)),
    console: consoleMsg,
    tables,
    table: (id) => store.table(tableStream(id)),
    presence: (id) => store.presence.get(id)?.members ?? [],
    tableName: (id) => consoleMsg?.tables?.find((/** @type {any} */ x) => x.table === id)?.name ?? id,
    memberName: (id) => (id ? names.get(id) ?? id : ''),
    pending: (key) => pending.has(key),
    error: (key) => errors.get(key),
    ui,
    now: () => (client ? client.serverNow() : Date.now()),
  };
}

function render() {
  if (refused || !client) return;
  const v = view();
  if (!v) return;
  if (v.me.role !== 'lead_facilitator' && v.me.role !== 'facilitator') {
    showOnly(h('div', { class: 'panel' }, h('h2', {}, t('console.notFacilitator.title')), h('p', {}, t('console.notFacilitator.text')),
      h('p', {}, h('a', { href: '/join', class: 'btn' }, t('console.notFacilitator.link')))));
    return;
  }
  if (!ui.selectedTable || !v.tables.includes(ui.selectedTable)) ui.selectedTable = v.tables[0] ?? null;
  syncAgendaDraft(v);
  const sections = v.lead ? leadSections(v) : facilitatorSections(v);
  patch(nav, [h('ul', {}, sections.map((s) => h('li', { 'data-key': `nav:${s.id}` }, h('a', { href: `#${s.id}` }, s.title))))]);
  patch(app, sections.map((s) => section(s.id, s.title, ...s.body)));
  tick();
}

/** @param {View} v */
function leadSections(v) {
  const id = ui.selectedTable;
  return [
    { id: 'overview', title: t('console.section.overview'), body: [h('div', { class: 'card-grid', 'data-key': 'cards' }, v.tables.map((x) => tableCard(v, x, true)))] },
    { id: 'agenda', title: t('console.section.agenda'), body: agendaView(v) },
    { id: 'timers', title: t('console.section.timers'), body: timersView(v) },
    { id: 'announce', title: t('console.section.announce'), body: announceView(v) },
    { id: 'move', title: t('console.section.move'), body: moveView(v) },
    { id: 'plenary', title: t('console.section.plenary'), body: plenaryView(v) },
    { id: 'table', title: id ? t('console.section.tableOf', { table: v.tableName(id) }) : t('console.section.table'),
      body: id ? [tablePicker(v, id), ...tableDetails(v, id)] : [h('p', { class: 'muted' }, t('console.noTables'))] },
  ];
}

/** @param {View} v */
function facilitatorSections(v) {
  const id = ui.selectedTable;
  if (!id) return [{ id: 'table', title: t('console.section.table'), body: [h('p', { class: 'muted' }, t('console.noTables'))] }];
  return [
    { id: 'table', title: t('console.section.tableOf', { table: v.tableName(id) }), body: [tablePicker(v, id), tableCard(v, id)] },
    { id: 'speaking', title: t('console.section.details'), body: tableDetails(v, id) },
    { id: 'timers', title: t('console.section.timers'), body: timersView(v) },
  ];
}

/** Keeps the agenda editor's rows in step with the session's agenda until someone edits them. @param {View} v */
function syncAgendaDraft(v) {
  if (!v.lead) return;
  const agenda = v.session?.agenda ?? [];
  const seen = JSON.stringify(agenda);
  if (ui.agendaDraft === null || (ui.agendaSeen !== seen && !ui.agendaDirty)) {
    ui.agendaDraft = agendaDraftFrom(agenda, () => ++uidCounter);
    ui.agendaSeen = seen;
    ui.agendaDirty = false;
  }
}

/** timer id -> whether it was up at the last tick, for the chime (a timer shown twice chimes once). */
const wasUp = new Map();

/** Counts down timers and running turns between renders, on animation frames. */
function tick() {
  if (!client) return;
  const now = client.serverNow();
  /** @type {Map<string, boolean>} */
  const upNow = new Map();
  for (const el of app.querySelectorAll('[data-countdown]')) {
    const node = /** @type {HTMLElement} */ (el);
    const status = node.dataset.status;
    const left = status === 'paused' ? Number(node.dataset.remaining ?? 0)
      : status === 'running' ? Math.max(0, Number(node.dataset.deadline) - now) : 0;
    // 00:00 and then "time's up" until the facilitator moves on, as the members see it.
    const up = status === 'elapsed' || (status === 'running' && left <= 0);
    const text = up ? `00:00 · ${t('console.timer.up')}` : formatCountdown(left);
    if (node.textContent !== text) node.textContent = text;
    if (up !== node.classList.contains('up')) node.classList.toggle('up', up);
    if (node.dataset.up !== String(up)) node.dataset.up = String(up);
    if (node.dataset.timer) upNow.set(node.dataset.timer, up || (upNow.get(node.dataset.timer) ?? false));
  }
  // A timer that runs out while this console watches it: the chime, if this device wants it.
  for (const [id, up] of upNow) {
    if (up && wasUp.get(id) === false && chimeEnabled()) chime();
    wasUp.set(id, up);
  }
  // A timer no longer shown is forgotten: shown again once it ran out, it does not chime late.
  for (const id of [...wasUp.keys()]) if (!upNow.has(id)) wasUp.delete(id);
  for (const el of app.querySelectorAll('[data-since]')) {
    const node = /** @type {HTMLElement} */ (el);
    const text = formatCountdown(Math.max(0, now - Number(node.dataset.since)) + Number(node.dataset.base ?? 0));
    if (node.textContent !== text) node.textContent = text;
  }
}
(function loop() {
  tick();
  requestAnimationFrame(loop);
}());

/** @param {string} text */
function say(text) {
  live.textContent = text;
}

/** @param {string} text */
function shout(text) {
  alertRegion.textContent = '';
  // A fresh text node so that the same error twice is announced twice.
  requestAnimationFrame(() => { alertRegion.textContent = text; });
}

/** @param {string} code */
function errorText(code) {
  const key = `console.error.${code}`;
  const text = t(key);
  return text === key ? t('console.error.other', { code }) : text;
}

/**
 * Sends a command for the control `key`: pending until the ack, then a short confirmation, or
 * the error next to the control.
 * @param {string} key @param {string} type @param {Record<string, any>} fields @param {() => void} [onDone]
 */
function act(key, type, fields, onDone) {
  if (!client || pending.has(key)) return;
  pending.set(key, true);
  errors.delete(key);
  schedule();
  client.send(type, fields).then(() => {
    pending.delete(key);
    say(t('console.done', { action: t(`console.command.${type}`) }));
    onDone?.();
    schedule();
  }, (err) => {
    pending.delete(key);
    const code = err?.code ?? 'internal';
    const text = code === 'unknown_type' && type === 'setVideoLink' ? t('console.error.videoUnsupported') : errorText(code);
    errors.set(key, text);
    const action = t(`console.command.${type}`);
    shout(`${action.charAt(0).toUpperCase()}${action.slice(1)}: ${text}`);
    schedule();
  });
}

/**
 * Revokes a person's link and makes a new one (a lost card): an HTTP call with the lead's own
 * session credential, not a command on a stream. The new code and link are shown to hand over.
 * @param {string} member @param {string} name @param {() => void} onDone
 */
function reissue(member, name, onDone) {
  if (pending.has('reissue')) return;
  pending.set('reissue', true);
  errors.delete('reissue');
  ui.reissued = null;
  schedule();
  fetch(`/console/members/${encodeURIComponent(member)}/reissue`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' }, cache: 'no-store',
  }).then(async (response) => {
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw { code: body?.code ?? 'internal' };
    pending.delete('reissue');
    ui.reissued = { name, code: body.code, url: body.consoleUrl ?? body.url, qr: qrImage(body.codeUrl) };
    say(t('console.reissue.done', { name, code: body.code }));
    onDone();
    schedule();
  }).catch((err) => {
    pending.delete('reissue');
    const text = errorText(err?.code ?? 'internal');
    errors.set('reissue', text);
    shout(`${t('console.reissue.submit')}: ${text}`);
    schedule();
  });
}

/**
 * The QR code of a link as an image (data URL), as the printed cards draw it, or null when the
 * QR library did not load. An image, not a canvas, so that the console's re-rendering keeps it.
 * @param {string} text
 */
function qrImage(text) {
  const QRCode = /** @type {any} */ (window).QRCode;
  if (typeof QRCode !== 'function' || !text) return null;
  const box = document.createElement('div');
  try {
    new QRCode(box, { text, width: 176, height: 176, colorDark: '#000000', colorLight: '#ffffff', correctLevel: QRCode.CorrectLevel.M });
    const canvas = box.querySelector('canvas');
    return canvas ? canvas.toDataURL('image/png') : null;
  } catch {
    return null;
  }
}

/** A problem the console finds before sending. @param {string} key @param {string} text @param {HTMLElement | null} [focus] */
function refuse(key, text, focus) {
  errors.set(key, text);
  shout(text);
  render();
  focus?.focus();
}

/** @param {HTMLFormElement} form @param {string} name */
function formText(form, name) {
  const el = /** @type {HTMLInputElement | null} */ (form.elements.namedItem(name));
  return el ? el.value : '';
}

/** @param {HTMLFormElement} form @param {string} name */
function formChecked(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((x) => /** @type {HTMLInputElement} */ (x).value);
}

/** @param {string} text */
function blank(text) {
  return text.trim() === '';
}

/** Moves a member up or down the queue of a table. @param {string} table @param {string} member @param {number} by */
function reorder(table, member, by) {
  const board = store.table(tableStream(table));
  const order = [...(board?.hands ?? [])];
  const i = order.indexOf(member);
  const j = i + by;
  if (i < 0 || j < 0 || j >= order.length) return;
  [order[i], order[j]] = [order[j], order[i]];
  act(`reorder:${table}`, 'reorderQueue', { table, order });
}

/** @type {Record<string, (el: HTMLElement) => void>} */
const buttons = {
  startAgenda: () => act('startAgenda', 'startAgenda', {}),
  advancePhase: () => act('advancePhase', 'advancePhase', {}),
  goBackPhase: () => act('goBackPhase', 'goBackPhase', {}),
  pauseTimer: (el) => act(`pauseTimer:${el.dataset.timer}`, 'pauseTimer', { timer: el.dataset.timer }),
  resumeTimer: (el) => act(`resumeTimer:${el.dataset.timer}`, 'resumeTimer', { timer: el.dataset.timer }),
  cancelTimer: (el) => act(`cancelTimer:${el.dataset.timer}`, 'cancelTimer', { timer: el.dataset.timer }),
  extendTimer: (el) => {
    const timer = /** @type {string} */ (el.dataset.timer);
    const input = /** @type {HTMLInputElement | null} */ (el.closest('[data-timer-row]')?.querySelector('input[name="extendMinutes"]') ?? null);
    const minutes = Number(input?.value ?? 1);
    if (!Number.isFinite(minutes) || minutes <= 0) return refuse(`extendTimer:${timer}`, t('console.check.minutes'), input);
    act(`extendTimer:${timer}`, 'extendTimer', { timer, seconds: Math.round(minutes * 60) });
  },
  selectTable: (el) => {
    ui.selectedTable = el.dataset.table;
    render();
    if (el.dataset.test === 'open-table') document.getElementById('table-h')?.focus();
  },
  giveFloor: (el) => act(`giveFloor:${el.dataset.table}`, 'giveFloor', { table: el.dataset.table }),
  giveFloorTo: (el) => act(`floorTo:${el.dataset.table}:${el.dataset.member}`, 'giveFloor', { table: el.dataset.table, member: el.dataset.member }),
  endTurn: (el) => act(`endTurn:${el.dataset.table}`, 'endTurn', { table: el.dataset.table }),
  favourLeastHeard: (el) => act(`favour:${el.dataset.table}`, 'favourLeastHeard', { table: el.dataset.table }),
  queueUp: (el) => reorder(/** @type {string} */ (el.dataset.table), /** @type {string} */ (el.dataset.member), -1),
  queueDown: (el) => reorder(/** @type {string} */ (el.dataset.table), /** @type {string} */ (el.dataset.member), 1),
  lowerHand: (el) => act(`lower:${el.dataset.table}:${el.dataset.member}`, 'lowerHand', { table: el.dataset.table, member: el.dataset.member }),
  closeVote: (el) => act(`closeVote:${el.dataset.table}:${el.dataset.vote}`, 'closeVote', { table: el.dataset.table, vote: el.dataset.vote }),
  publishResult: (el) => act(`publish:${el.dataset.table}:${el.dataset.vote}`, 'publishResult', { table: el.dataset.table, vote: el.dataset.vote }),
  hide: (el) => moderate(el, 'hide'),
  restore: (el) => moderate(el, 'restore'),
  clearVideoLink: (el) => act(`videoClear:${el.dataset.table}`, 'setVideoLink', { table: el.dataset.table, url: null }),
  promote: (el) => act(`promote:${el.dataset.table}:${el.dataset.proposal ?? el.dataset.cluster}`, 'promote',
    { table: el.dataset.table, proposal: el.dataset.proposal, cluster: el.dataset.cluster }),
  closeFinalVote: (el) => act(`closeFinal:${el.dataset.vote}`, 'closeFinalVote', { vote: el.dataset.vote }),
  publishReport: () => act('publishReport', 'publishReport', {}),
  unpublishReport: () => act('unpublishReport', 'unpublishReport', {}),
  agendaAdd: () => {
    ui.agendaDraft.push({ uid: ++uidCounter, phase: 'discuss', title: '', minutes: '0', autoAdvance: false });
    ui.agendaDirty = true;
    render();
    const rows = app.querySelectorAll('[data-test="agenda-title"]');
    /** @type {HTMLElement | undefined} */ (rows[rows.length - 1])?.focus();
  },
  agendaRemove: (el) => {
    ui.agendaDraft.splice(Number(el.dataset.index), 1);
    ui.agendaDirty = true;
    render();
  },
  agendaUp: (el) => moveAgendaRow(Number(el.dataset.index), -1),
  agendaDown: (el) => moveAgendaRow(Number(el.dataset.index), 1),
  agendaReset: () => {
    ui.agendaDraft = null;
    ui.agendaDirty = false;
    render();
  },
};

/** @param {number} i @param {number} by */
function moveAgendaRow(i, by) {
  const d = ui.agendaDraft;
  const j = i + by;
  if (j < 0 || j >= d.length) return;
  [d[i], d[j]] = [d[j], d[i]];
  ui.agendaDirty = true;
  render();
  /** @type {HTMLElement | null} */ (app.querySelector(`[data-key="${by < 0 ? 'agendaUp' : 'agendaDown'}:${j}"]`))?.focus();
}

/** @param {HTMLElement} el @param {'hide' | 'restore'} type */
function moderate(el, type) {
  const table = /** @type {string} */ (el.dataset.table);
  const item = /** @type {string} */ (el.dataset.item);
  const key = `${type}:${table}:${item}`;
  const input = /** @type {HTMLInputElement | null} */ (el.closest('[data-mod-row]')?.querySelector('input[name="reason"]') ?? null);
  const reason = input?.value ?? '';
  if (blank(reason)) return refuse(key, t('console.check.reason'), input);
  if (codePointLength(reason) > LIMITS.reason) return refuse(key, t('console.check.tooLong', { n: LIMITS.reason }), input);
  act(key, type, { table, item, reason: reason.trim() }, () => { if (input) input.value = ''; });
}

/** @type {Record<string, (form: HTMLFormElement) => void>} */
const forms = {
  setAgenda: () => {
    const items = [];
    for (const [i, x] of ui.agendaDraft.entries()) {
      const minutes = Number(String(x.minutes).replace(',', '.'));
      if (blank(x.title)) return refuse('setAgenda', t('console.check.agendaTitle', { n: i + 1 }), document.getElementById(`at-${x.uid}`));
      if (!Number.isFinite(minutes) || minutes < 0 || minutes > 1440) {
        return refuse('setAgenda', t('console.check.agendaMinutes', { n: i + 1 }), document.getElementById(`am-${x.uid}`));
      }
      items.push({ phase: x.phase, title: x.title.trim(), seconds: Math.round(minutes * 60), autoAdvance: Boolean(x.autoAdvance) });
    }
    act('setAgenda', 'setAgenda', { items }, () => { ui.agendaDirty = false; ui.agendaDraft = null; });
  },
  startTimer: (form) => {
    const minutes = Number(formText(form, 'minutes') || 0);
    const secs = Number(formText(form, 'seconds') || 0);
    const seconds = Math.round(minutes * 60 + secs);
    if (!Number.isFinite(seconds) || seconds < 1 || seconds > 86400) {
      return refuse('startTimer', t('console.check.timerLength'), /** @type {HTMLElement} */ (form.elements.namedItem('minutes')));
    }
    const label = formText(form, 'label').trim();
    const table = formText(form, 'table');
    act('startTimer', 'startTimer', { scope: formText(form, 'scope'), seconds, label: label || undefined, table: table || undefined }, () => {
      for (const name of ['minutes', 'seconds', 'label']) /** @type {HTMLInputElement} */ (form.elements.namedItem(name)).value = '';
    });
  },
  announce: (form) => {
    const text = formText(form, 'text');
    const input = /** @type {HTMLElement} */ (form.elements.namedItem('text'));
    if (blank(text)) return refuse('announce', t('console.check.announce'), input);
    if (codePointLength(text) > LIMITS.announcement) return refuse('announce', t('console.check.tooLong', { n: LIMITS.announcement }), input);
    const tables = formChecked(form, 'tables');
    act('announce', 'announce', { text: text.trim(), tables: tables.length ? tables : undefined }, () => form.reset());
  },
  reissue: (form) => {
    const member = formText(form, 'member');
    if (!member) return refuse('reissue', t('console.check.member'), /** @type {HTMLElement} */ (form.elements.namedItem('member')));
    const name = view()?.memberName(member) ?? member;
    if (!globalThis.confirm(t('console.reissue.confirm', { name }))) return;
    reissue(member, name, () => form.reset());
  },
  moveMember: (form) => {
    const member = formText(form, 'member');
    const toTable = formText(form, 'toTable');
    if (!member) return refuse('moveMember', t('console.check.member'), /** @type {HTMLElement} */ (form.elements.namedItem('member')));
    if (!toTable) return refuse('moveMember', t('console.check.table'), /** @type {HTMLElement} */ (form.elements.namedItem('toTable')));
    act('moveMember', 'moveMember', { member, toTable }, () => form.reset());
  },
  setTablePhase: (form) => {
    const table = /** @type {string} */ (form.dataset.table);
    const phase = formText(form, 'phase');
    act(`tablePhase:${table}`, 'setTablePhase', { table, phase: phase || null });
  },
  openVote: (form) => {
    const table = /** @type {string} */ (form.dataset.table);
    const key = `openVote:${table}`;
    const method = formText(form, 'method');
    const items = formChecked(form, 'items');
    if (items.length === 0) return refuse(key, t('console.check.items'), form.querySelector('input[name="items"]'));
    /** @type {Record<string, any>} */
    const fields = { table, method, items };
    if (method === 'dots') {
      const dotsPerMember = Number(formText(form, 'dotsPerMember'));
      const capPerItem = Number(formText(form, 'capPerItem'));
      if (!Number.isInteger(dotsPerMember) || dotsPerMember < 1 || !Number.isInteger(capPerItem) || capPerItem < 1 || capPerItem > dotsPerMember) {
        return refuse(key, t('console.check.dots'), /** @type {HTMLElement} */ (form.elements.namedItem('dotsPerMember')));
      }
      fields.params = { dotsPerMember, capPerItem };
    }
    act(key, 'openVote', fields, () => { for (const x of form.querySelectorAll('input[name="items"]')) /** @type {HTMLInputElement} */ (x).checked = false; });
  },
  setVideoLink: (form) => {
    const table = /** @type {string} */ (form.dataset.table);
    const key = `video:${table}`;
    const url = formText(form, 'url').trim();
    const input = /** @type {HTMLElement} */ (form.elements.namedItem('url'));
    if (!/^https:\/\/\S+$/i.test(url)) return refuse(key, t('console.check.url'), input);
    if (codePointLength(url) > LIMITS.url) return refuse(key, t('console.check.tooLong', { n: LIMITS.url }), input);
    act(key, 'setVideoLink', { table, url }, () => form.reset());
  },
  editDraft: (form) => {
    const draft = /** @type {string} */ (form.dataset.draft);
    const key = `editDraft:${draft}`;
    const current = store.session(sessionStream(welcome?.session))?.drafts?.[draft];
    const title = formText(form, 'title').trim();
    const text = formText(form, 'text').trim();
    if (blank(title) || blank(text)) return refuse(key, t('console.check.draft'), /** @type {HTMLElement} */ (form.elements.namedItem('title')));
    if (codePointLength(title) > LIMITS.title || codePointLength(text) > LIMITS.text) return refuse(key, t('console.check.draftLong'));
    /** @type {Record<string, any>} */
    const fields = { draft, version: Number(form.dataset.version) };
    if (title !== current?.title) fields.title = title;
    if (text !== current?.text) fields.text = text;
    if (fields.title === undefined && fields.text === undefined) return refuse(key, t('console.check.unchanged'));
    act(key, 'editDraft', fields);
  },
  mergeDrafts: (form) => {
    const from = /** @type {string} */ (form.dataset.draft);
    const into = formText(form, 'into');
    act(`merge:${from}`, 'mergeDrafts', { from, into });
  },
  withdrawDraft: (form) => {
    const draft = /** @type {string} */ (form.dataset.draft);
    const key = `withdraw:${draft}`;
    const reason = formText(form, 'reason');
    const input = /** @type {HTMLElement} */ (form.elements.namedItem('reason'));
    if (blank(reason)) return refuse(key, t('console.check.reason'), input);
    if (codePointLength(reason) > LIMITS.reason) return refuse(key, t('console.check.tooLong', { n: LIMITS.reason }), input);
    act(key, 'withdrawDraft', { draft, reason: reason.trim() });
  },
  openFinalVote: (form) => {
    const drafts = formChecked(form, 'drafts');
    if (drafts.length === 0) return refuse('openFinalVote', t('console.check.drafts'), form.querySelector('input[name="drafts"]'));
    const threshold = Number(formText(form, 'threshold'));
    act('openFinalVote', 'openFinalVote', { drafts, threshold }, () => form.reset());
  },
};

document.addEventListener('click', (e) => {
  const target = /** @type {HTMLElement | null} */ (/** @type {HTMLElement} */ (e.target).closest?.('button[data-action]'));
  if (!target || target.getAttribute('type') === 'submit' || target.hasAttribute('disabled')) return;
  const handler = buttons[/** @type {string} */ (target.dataset.action)];
  if (handler) {
    e.preventDefault();
    handler(target);
  }
});

document.addEventListener('submit', (e) => {
  const form = /** @type {HTMLFormElement} */ (e.target);
  const handler = forms[/** @type {string} */ (form.dataset.action)];
  if (!handler) return;
  e.preventDefault();
  handler(form);
});

// Inputs bound to local state: the agenda editor's rows and the vote method (which decides
// which fields the vote form shows). What is typed is first cut at the field's limit.
document.addEventListener('input', (e) => {
  keepWithinLimit(/** @type {HTMLInputElement} */ (e.target));
  bind(e);
});
document.addEventListener('change', bind);

/** @param {Event} e */
function bind(e) {
  const el = /** @type {HTMLInputElement} */ (e.target);
  const bound = el.dataset?.bind;
  if (bound?.startsWith('agenda:')) {
    const [, index, name] = bound.split(':');
    const row = ui.agendaDraft?.[Number(index)];
    if (!row) return;
    row[name] = el.type === 'checkbox' ? el.checked : el.value;
    ui.agendaDirty = true;
    if (e.type === 'change') schedule();
    return;
  }
  if (el.dataset?.ui === 'voteMethod' && e.type === 'change') {
    ui.voteMethod[/** @type {string} */ (el.dataset.table)] = el.value;
    schedule();
  }
}

/** Says the changes a facilitator should hear about while looking elsewhere. @param {any} ev */
function announceEvent(ev) {
  const d = ev.data ?? {};
  const v = view();
  if (!v) return;
  const table = tableOf(ev.stream) ?? d.table;
  const where = table ? v.tableName(table) : '';
  switch (ev.kind) {
    case 'handRaised': say(t('console.live.hand', { name: v.memberName(d.member), table: where })); break;
    case 'floorGiven': say(t('console.live.floor', { name: v.memberName(d.member), table: where })); break;
    case 'phaseChanged':
      say(d.table ? t('console.live.tablePhase', { table: where, phase: d.phase ? t(`console.phase.${d.phase}`) : t('console.phase.followSession') })
        : t('console.live.phase', { title: d.title ?? '', phase: t(`console.phase.${d.phase}`) }));
      break;
    case 'timerElapsed': say(t('console.live.timerElapsed')); break;
    case 'voteClosed': say(t('console.live.voteClosed', { table: where })); break;
    case 'finalVoteClosed': say(t('console.live.finalClosed')); break;
    case 'memberMoved': say(t('console.live.moved', { name: v.memberName(d.member), from: v.tableName(d.from), to: v.tableName(d.to) })); break;
    default:
  }
}
