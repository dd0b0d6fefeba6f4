// @ts-check
/**
 * The member app: a member's view of their table, on a tablet in the room or a computer at
 * home. It is built around what to do now: the bar at the top keeps the phase, its countdown
 * and the latest announcement in view, and the phase in force picks the view shown first
 * (propose, the board, the ballot, the plenary, the table); every other view is one tap away.
 * Everything shown comes from the Store, which only changes on the server's events; an action
 * shows "sending…" until the server acknowledges it, and what is typed is kept in the browser
 * until it is sent.
 */
import { TingstedClient, validateCommand, storageKey, keepWithinLimit } from './client.js';
import { tableStream, sessionStream } from './streams.js';
import { Store, tablePhase, timersAt, timeIsUp, remainingMillis, formatCountdown, announcementsFor } from './store.js';
import { chime, chimeEnabled, setChimeEnabled, unlockAudio } from './chime.js';
import { setLanguage, preferredLanguage, t, translatePage } from './i18n.js';
import { h, setText, setAttr, syncList, uid } from './dom.js';
import { renderVotes, renderResults, renderFinalVotes } from './votes.js';
import { renderPlenary } from './plenary.js';
import { phaseAllows } from './rules.js';
import { Keeper } from './keep.js';
import { enter, forget, problemKey } from './credential.js';

/** @param {string} id @returns {any} */
const $ = (id) => /** @type {any} */ (document.getElementById(id));

const device = /** @type {'room' | 'remote'} */ (new URLSearchParams(location.search).get('device') === 'remote' ? 'remote' : 'room');
const store = new Store();
// Kept per person (assembly and member), set once the session is known (see main).
let stateKey = 'tingsted.state.-';
let welcomeKey = 'tingsted.welcome.-';
let keeper = new Keeper('tingsted.keep.-');
/** @type {TingstedClient | null} */
let client = null;
/** @type {any} */
let welcome = null;
/** @type {any} Sortable, once loaded */
let Sortable = null;

/** The views, in the order of the tabs. */
const VIEWS = /** @type {const} */ (['propose', 'board', 'vote', 'plenary', 'table']);
/** A proposal's text longer than this (or with line breaks) is cut to three lines with "Vis mere". */
const SHORT_TEXT = 180;

/** UI state that is not the server's: the view shown, open forms and boxes, messages. */
const ui = {
  /** @type {string} the view shown */
  view: 'table',
  /** @type {string | null} the view the phase asked for last; a new one is shown once */
  taskView: null,
  /** @type {string | null} the table whose kept text is in the static fields */
  restoredFor: null,
  /** @type {Map<string, {version: number, conflict?: {title: string, text: string}}>} */
  editing: new Map(),
  /** @type {Map<string, string>} proposal -> comment replied to */
  replyTo: new Map(),
  /** @type {Set<string>} proposals whose comments are open */
  openComments: new Set(),
  /** @type {Set<string>} proposals whose whole text is shown */
  expanded: new Set(),
  /** @type {Map<string, string>} proposal -> group chosen in its "move" control, not yet confirmed */
  moveChoice: new Map(),
  /** @type {string | null} the proposal whose "move" button gets the focus back once it moved */
  refocus: null,
  /** @type {Set<string>} groups whose "dissolve" waits for a yes */
  confirmDissolve: new Set(),
  /** @type {Map<string, HTMLElement>} */
  cards: new Map(),
  /** @type {Map<string, boolean>} timer -> whether it was up at the last tick (for the chime) */
  wasUp: new Map(),
};

/** Context handed to the vote views. */
export const ctx = {
  get client() { return client; },
  get me() { return welcome?.member ?? null; },
  get table() { return /** @type {any} */ (tableState()); },
  get session() { return /** @type {any} */ (sessionState()); },
  nameOf,
  itemLabel,
  pendingFor,
  send,
  scheduleRender,
  /** Unsent ballots, kept per stream. */
  keep: {
    /** @param {string} stream @param {string} field */
    get: (stream, field) => keeper.get(stream, field),
    /** @param {string} stream @param {string} field @param {any} value */
    set: (stream, field, value) => keeper.set(stream, field, value),
  },
  get tableStream() { return myTableStream(); },
  get sessionStream() { return mySessionStream(); },
};

function myTableStream() { return welcome?.table ? tableStream(welcome.table) : ''; }
function mySessionStream() { return welcome?.session ? sessionStream(welcome.session) : ''; }
function tableState() { return store.table(myTableStream()); }
function sessionState() { return store.session(mySessionStream()); }
/** The phase in force at the member's table, or null before the agenda starts. */
function phaseNow() { return tablePhase(sessionState(), welcome?.table)?.phase ?? null; }
/** Whether the phase and the member's role let them give the command now. @param {string} command */
function allowed(command) { return phaseAllows(command, phaseNow(), welcome?.member?.role ?? 'member'); }

/** @param {string | undefined | null} id */
function nameOf(id) {
  if (!id) return '';
  if (welcome?.member?.id === id) return t('member.you', { name: welcome.member.name });
  const p = store.presence.get(welcome?.table)?.members?.find((/** @type {any} */ m) => m.id === id);
  return p ? p.name : t('member.unknown');
}

/** The number people see for a proposal: "Forslag 3" for p3. @param {string} id */
function proposalNumber(id) {
  const m = /(\d+)$/.exec(id ?? '');
  return m ? m[1] : '';
}

/** A vote item: a proposal's title or a group's name. @param {string} id */
function itemLabel(id) {
  const s = tableState();
  const p = s?.proposals[id];
  if (p) return p.status === 'hidden' ? t('proposal.hiddenTitle') : p.title;
  const c = s?.clusters[id];
  if (c) return t('clusters.label', { name: c.name });
  return t('item.unknown');
}

/** Pending commands, optionally only those matching. @param {(o: any) => boolean} [match] */
function pendingFor(match = () => true) {
  return client ? client.pending().filter(match) : [];
}

/**
 * Sends a command; shows a translated error when refused, and then calls `refused` (to put
 * back what was typed). Never changes the view itself: the server's event does.
 * @param {string} type @param {Record<string, any>} fields @param {HTMLElement | null} [errorEl]
 * @param {() => void} [refused]
 * @returns {Promise<any>} the ack, or null when the command was refused or not sent
 */
function send(type, fields, errorEl = null, refused = undefined) {
  if (!client) return Promise.resolve(null);
  const problem = validateCommand(type, fields);
  if (problem) {
    const msg = t(`validation.${problem.code}`, { limit: problem.limit ?? '' });
    if (errorEl) setText(errorEl, msg);
    else notice(msg);
    return Promise.resolve(null);
  }
  if (errorEl) setText(errorEl, '');
  const p = client.send(type, fields);
  scheduleRender();
  return p.catch((e) => {
    if (e?.code === 'offline') return null;
    const text = `${t(`cmd.${type}`)}: ${errorText(e?.code)}`;
    if (errorEl) setText(errorEl, text);
    else notice(text);
    refused?.();
    return null;
  });
}

/** @param {string | undefined} code */
function errorText(code) {
  const key = `error.${code ?? 'internal'}`;
  const s = t(key);
  return s === key ? t('error.internal') : s;
}

/** @param {string} text */
function notice(text) {
  setText($('notice'), text);
}

let renderQueued = false;
function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    render();
  });
}

function render() {
  renderStatus();
  if (!welcome) return;
  restoreStatic();
  renderWho();
  renderNow();
  renderTabs();
  renderMine();
  renderPresence();
  renderHands();
  renderBoard();
  renderVotes(ctx, $('votes'), $('votes-empty'));
  renderResults(ctx, $('results'), $('results-panel'), 'table');
  $('votes-empty').hidden = $('votes-empty').hidden || !$('results-panel').hidden;
  renderFinalVotes(ctx, $('final-votes'));
  renderResults(ctx, $('final-results'), null, 'final');
  renderPlenary({
    session: sessionState(),
    assembly: welcome.assembly,
    sessionId: welcome.session,
    tableName: (id) => store.presence.get(id)?.name ?? t('table.unnamed'),
  }, { list: $('drafts'), empty: $('drafts-empty'), reportBox: $('report-box'), reportLink: $('report-link') });
  $('drafts-title').hidden = $('drafts').hidden;
  refocusMoved();
  saveSoon();
}

function renderStatus() {
  const el = /** @type {HTMLElement} */ (document.querySelector('[data-test=status]'));
  const problem = !$('join-problem').hidden;
  // A link that cannot work is explained on its own; "offline, your changes are sent later" would be untrue.
  el.hidden = problem;
  const state = client?.state ?? 'connecting';
  setAttr(el, 'data-state', state);
  setText($('status-text'), t(`status.${state}`));
  const n = client ? client.pending().length : 0;
  setText($('status-pending'), n > 0 ? t('status.pending', { count: n }) : '');
  $('status-resume').hidden = state !== 'replaced';
}

function renderWho() {
  const me = welcome.member;
  const tableName = store.presence.get(welcome.table)?.name;
  const text = welcome.table
    ? t('who.atTable', { name: me.name, table: tableName ?? t('table.unnamed'), role: t(`role.${me.role}`) })
    : t('who.noTable', { name: me.name, role: t(`role.${me.role}`) });
  setText($('who'), text);
}

/** The view the task in force asks for: an open ballot first, else the phase's view; null for none. @returns {string | null} */
function taskView() {
  const me = welcome.member.id;
  const session = sessionState();
  const finals = Object.values(session?.finalVotes ?? {}).filter((f) => f.status === 'open');
  if (finals.some((f) => !f.ballots?.[me])) return 'plenary';
  const s = tableState();
  const open = Object.values(s?.votes ?? {}).filter((v) => v.status === 'open');
  if (open.some((v) => !v.ballots?.[me])) return 'vote';
  switch (phaseNow()) {
    case 'propose': return 'propose';
    case 'discuss':
    case 'cluster': return 'board';
    case 'rank': return 'vote';
    case 'plenary':
    case 'report': return 'plenary';
    case 'welcome':
    case 'break': return 'table';
    // Before the agenda starts no phase asks for anything: the member stays where they are.
    default: return open.length ? 'vote' : finals.length ? 'plenary' : null;
  }
}

function renderTabs() {
  const task = taskView();
  if (task !== ui.taskView) {
    ui.taskView = task;
    if (task) ui.view = task;
  }
  $('tabs').hidden = false;
  const me = welcome.member.id;
  const s = tableState();
  const unvoted = Object.values(s?.votes ?? {}).filter((v) => v.status === 'open' && !v.ballots?.[me]).length;
  const finalsOpen = Object.values(sessionState()?.finalVotes ?? {}).filter((f) => f.status === 'open' && !f.ballots?.[me]).length;
  /** @type {Record<string, string>} */
  const dots = { vote: unvoted ? String(unvoted) : '', plenary: finalsOpen ? String(finalsOpen) : '' };
  for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('#tabs .tab'))) {
    const view = /** @type {string} */ (b.dataset.tab);
    setAttr(b, 'aria-pressed', String(view === ui.view));
    setAttr(b, 'aria-current', view === task ? 'step' : null);
    const dot = /** @type {HTMLElement} */ (b.querySelector('.tab-dot'));
    setText(dot, dots[view] ?? '');
    setAttr(dot, 'title', dots[view] ? t(`tabs.waiting.${view}`, { count: Number(dots[view]) }) : null);
  }
  for (const v of VIEWS) $(`view-${v}`).hidden = v !== ui.view;
}

/** Shows a view (a tab pressed, or a link to the board). @param {string} view */
function showView(view) {
  ui.view = view;
  renderTabs();
}

function renderNow() {
  const session = sessionState();
  const ph = tablePhase(session, welcome.table);
  const phaseEl = $('phase');
  setText(phaseEl, ph ? phaseName(ph.phase) : t('phase.none'));
  setAttr(phaseEl, 'data-phase', ph ? ph.phase : '');
  setAttr(phaseEl, 'title', ph?.title ?? null);
  const anns = announcementsFor(session, welcome.table);
  $('announcement-line').hidden = anns.length === 0;
  setText($('announcement'), anns.length ? anns[anns.length - 1].text : '');
  const link = tableState()?.videoLink;
  const safe = typeof link === 'string' && /^https:\/\//i.test(link);
  $('video').hidden = !safe;
  if (safe) setAttr($('video-link'), 'href', link);
  else $('video-link').removeAttribute('href');

  const note = $('propose-phase-note');
  const open = allowed('propose');
  note.hidden = open;
  if (!open) setText(note, t('propose.closedNote', { phase: phaseName(ph?.phase ?? '') }));
  const phase = ph?.phase ?? 'none';
  setText($('board-task'), t(`board.task.${['discuss', 'cluster'].includes(phase) ? phase : 'other'}`));
  setText($('table-task'), t(`table.task.${['welcome', 'break'].includes(phase) ? phase : ph ? 'other' : 'none'}`));
  tick();
}

/** @param {string} phase */
function phaseName(phase) {
  const key = `phase.${phase}`;
  const s = t(key);
  return s === key ? t('phase.unknown') : s;
}

/** Runs five times a second: the countdowns, "time's up", and the chime when a timer runs out. */
function tick() {
  if (!welcome) return;
  const { round, phase } = timersAt(sessionState(), welcome.table);
  const main = round ?? phase;
  const now = client ? client.serverNow() : Date.now();
  const el = $('countdown');
  const up = Boolean(main) && timeIsUp(main, now);
  setText(el, main ? formatCountdown(up ? 0 : remainingMillis(main, now)) : '--:--');
  setAttr(el, 'data-state', !main ? 'none' : up ? 'up' : main.status);
  $('time-up').hidden = !up;
  const label = main ? (main.label || t(round ? 'now.roundTimer' : 'now.phaseTimer')) : '';
  setText($('timer-note'), !main ? t('now.noTimer') : main.status === 'paused' ? t('now.paused', { label }) : label);
  $('timer-box').dataset.scope = round ? 'round' : phase ? 'phase' : 'none';

  const second = round && phase ? phase : null;
  $('phase-timer-box').hidden = !second;
  if (second) {
    const secondUp = timeIsUp(second, now);
    setText($('phase-countdown'), secondUp ? `00:00 · ${t('now.timeUp')}` : formatCountdown(remainingMillis(second, now)));
    setText($('phase-countdown-label'), second.label || t('now.phaseTimer'));
  }
  for (const x of [round, phase]) {
    if (!x) continue;
    const isUp = timeIsUp(x, now);
    const before = ui.wasUp.get(x.id);
    if (isUp && before === false && chimeEnabled()) chime();
    ui.wasUp.set(x.id, isUp);
  }
}

function renderPresence() {
  const members = store.presence.get(welcome.table)?.members ?? [];
  const live = client?.state === 'online';
  $('presence-stale').hidden = live;
  syncList($('presence'), members, (m) => m.id,
    () => h('li', { 'data-test': 'present' }, h('span', { class: 'presence-dot', 'aria-hidden': 'true' }), h('span', { class: 'presence-name' }), h('span', { class: 'presence-where' })),
    (el, m) => {
      setAttr(el, 'data-id', m.id);
      // While this tablet is offline nobody's presence is known: no green dots.
      setAttr(el, 'data-online', live ? String(!!m.online) : 'unknown');
      setAttr(el, 'data-device', m.device);
      setText(/** @type {Element} */ (el.querySelector('.presence-name')), m.id === welcome.member.id ? t('member.you', { name: m.name }) : m.name);
      const role = m.role && m.role !== 'member' ? `${t(`role.${m.role}`)} · ` : '';
      const where = !live ? t('presence.unknown') : m.online ? t(`presence.${m.device}`) : t('presence.away');
      setText(/** @type {Element} */ (el.querySelector('.presence-where')), role + where);
    });
}

function renderHands() {
  const s = tableState();
  const me = welcome.member.id;
  const hands = s?.hands ?? [];
  const floor = s?.floor;
  syncList($('queue'), hands, (m) => m, () => h('li'), (el, m) => setText(el, nameOf(m)));
  $('queue-empty').hidden = hands.length > 0;
  setText($('speaker'), floor ? nameOf(floor.member) : t('hands.nobody'));
  const pend = pendingFor((o) => ['raiseHand', 'lowerHand', 'endTurn'].includes(o.type) && !o.fields.member);
  const inQueue = hands.includes(me);
  const speaking = floor?.member === me;
  $('raise-hand').hidden = inQueue || speaking;
  $('lower-hand').hidden = !inQueue;
  $('end-turn').hidden = !speaking;
  for (const id of ['raise-hand', 'lower-hand', 'end-turn']) setAttr($(id), 'aria-disabled', pend.length ? 'true' : null);
  $('hand-pending').hidden = pend.length === 0;
  setText($('hand-pending'), t('pending.sending'));
}

/** The member's own proposals, sent and being sent, under the propose form. */
function renderMine() {
  const s = tableState();
  const me = welcome.member.id;
  const mine = s ? Object.values(s.proposals).filter((p) => p.author === me) : [];
  const pending = pendingFor((o) => o.type === 'propose').map((o) => ({ pending: true, id: o.id, ...o.fields }));
  const items = [...mine, ...pending];
  $('mine-empty').hidden = items.length > 0;
  syncList($('mine'), items, (p) => p.id, (p) => {
    const li = h('li', { class: 'card mine', 'data-test': 'mine-item' },
      h('p', { class: 'mine-title' }, h('strong', {}), ' ', h('span', { class: 'badge mine-status' })),
      h('p', { class: 'meta mine-counts' }));
    if (!p.pending) {
      li.dataset.id = p.id;
      li.append(h('button', { type: 'button', class: 'link', 'data-test': 'mine-show', onclick: () => {
        showView('board');
        const card = ui.cards.get(p.id);
        card?.scrollIntoView({ block: 'center' });
        /** @type {HTMLElement | null} */ (card?.querySelector('button') ?? null)?.focus();
      } }, t('propose.showOnBoard')));
    }
    return li;
  }, (li, p) => {
    setText(/** @type {Element} */ (li.querySelector('strong')), p.pending ? p.title : t('proposal.numbered', { n: proposalNumber(p.id), title: p.title }));
    const status = /** @type {HTMLElement} */ (li.querySelector('.mine-status'));
    setText(status, p.pending ? t('pending.sending') : t(`proposal.mineStatus.${p.status}`));
    status.classList.toggle('pending', Boolean(p.pending));
    setText(/** @type {Element} */ (li.querySelector('.mine-counts')), p.pending ? '' : countsText(p.id) || t('comments.none'));
  });
}

/** "2 støtter · 1 bekymring", the comments on a proposal counted by kind. @param {string} pid */
function countsText(pid) {
  const s = tableState();
  const all = s ? Object.values(s.comments).filter((c) => c.proposal === pid && !c.hidden) : [];
  /** @type {Record<string, number>} */
  const by = {};
  for (const c of all) by[c.kind] = (by[c.kind] ?? 0) + 1;
  return ['support', 'concern', 'question', 'other'].filter((k) => by[k])
    .map((k) => t(`comments.count.${k}`, { count: by[k] })).join(' · ');
}

function renderBoard() {
  const s = tableState();
  const all = s ? Object.values(s.proposals) : [];
  const visible = all.filter((p) => p.status !== 'withdrawn');
  const clusters = s ? Object.values(s.clusters) : [];
  const pendingProposals = pendingFor((o) => o.type === 'propose').map((o) => ({ pending: true, id: o.id, ...o.fields }));
  const loose = [...visible.filter((p) => !p.cluster || !s.clusters[p.cluster]), ...pendingProposals];
  const clustering = allowed('moveToCluster');
  $('view-board').classList.toggle('can-move', clustering);
  syncList($('loose'), loose, (p) => p.id, createCard, updateCard, ui.cards);
  $('board-empty').hidden = visible.length + pendingProposals.length > 0;

  const pendingClusters = pendingFor((o) => o.type === 'createCluster').map((o) => ({ pending: true, id: o.id, name: o.fields.name, proposals: [] }));
  const shown = [...clusters, ...pendingClusters];
  const creating = allowed('createCluster');
  $('cluster-form').hidden = !creating;
  $('clusters-box').hidden = shown.length === 0 && !creating;
  $('clusters-empty').hidden = shown.length > 0;
  syncList($('clusters'), shown, (c) => c.id, createCluster, (el, c) => updateCluster(el, c, clusters));

  const withdrawn = all.filter((p) => p.status === 'withdrawn');
  $('withdrawn-box').hidden = withdrawn.length === 0;
  syncList($('withdrawn'), withdrawn, (p) => p.id, createCard, updateCard, ui.cards);
}

/** Gives the focus back to the "move" button of a proposal that just moved to another list. */
function refocusMoved() {
  if (!ui.refocus) return;
  const card = ui.cards.get(ui.refocus);
  const active = document.activeElement;
  if (!card || pendingFor((o) => o.type === 'moveToCluster' && o.fields.proposal === ui.refocus).length) return;
  if (!active || active === document.body || card.contains(active)) {
    /** @type {HTMLElement | null} */ (card.querySelector('[data-test=move-confirm]'))?.focus();
  }
  ui.refocus = null;
}

/** @param {any} p */
function createCard(p) {
  const pid = p.id;
  const titleId = uid('ptitle');
  const card = h('li', { class: 'card', 'data-test': p.pending ? 'proposal-pending' : 'proposal', 'aria-labelledby': titleId });
  if (!p.pending) card.dataset.id = pid;
  const head = h('div', { class: 'card-head' },
    p.pending ? null : h('span', { class: 'drag-handle', 'aria-hidden': 'true', title: t('board.dragHandle') }, '⠿'),
    h('h4', { id: titleId, class: 'card-title' },
      p.pending ? null : h('span', { class: 'card-number' }),
      h('span', { 'data-test': 'proposal-title' })),
    h('span', { class: 'badge status-badge' }));
  const textId = uid('ptext');
  const text = h('p', { id: textId, class: 'card-text', 'data-test': 'proposal-text' });
  const more = h('button', { type: 'button', class: 'link show-more', 'data-test': 'show-more', 'aria-controls': textId, 'aria-expanded': 'false', hidden: true,
    onclick: () => {
      if (ui.expanded.has(pid)) ui.expanded.delete(pid);
      else ui.expanded.add(pid);
      scheduleRender();
    } });
  const meta = h('p', { class: 'meta' }, h('span', { class: 'author' }), ' ', h('span', { class: 'counts', 'data-test': 'comment-counts' }));
  const pending = h('p', { class: 'pending', 'data-test': 'pending', hidden: true }, t('pending.sending'));
  const hiddenNote = h('p', { class: 'moderation', hidden: true });
  card.append(head, text, more, meta, pending, hiddenNote);
  if (p.pending) return card;

  const error = h('p', { class: 'error', role: 'alert' });
  const commentsId = uid('cbox');
  const commentsBtn = h('button', { type: 'button', class: 'secondary', 'data-test': 'comments-toggle', 'aria-expanded': 'false', 'aria-controls': commentsId,
    onclick: () => {
      if (ui.openComments.has(pid)) ui.openComments.delete(pid);
      else ui.openComments.add(pid);
      scheduleRender();
    } });
  const editBtn = h('button', { type: 'button', class: 'secondary', 'data-test': 'edit', 'data-i18n': 'proposal.edit', 'aria-expanded': 'false', onclick: () => {
    const cur = tableState()?.proposals[pid];
    if (!cur) return;
    if (ui.editing.has(pid)) stopEditing(pid);
    else {
      ui.editing.set(pid, { version: cur.version });
      keeper.set(myTableStream(), `edit.${pid}.version`, cur.version);
    }
    fillEdit(card, cur, true);
    scheduleRender();
  } }, t('proposal.edit'));
  const withdrawBtn = h('button', { type: 'button', class: 'secondary', 'data-test': 'withdraw', 'data-i18n': 'proposal.withdraw',
    onclick: () => send('withdraw', { proposal: pid }, error) }, t('proposal.withdraw'));
  const tools = h('div', { class: 'card-tools' }, commentsBtn, editBtn, withdrawBtn);

  // The keyboard (and no-drag) way into a group: choose, then confirm; nothing moves on an arrow key.
  const moveId = uid('move');
  const move = /** @type {HTMLSelectElement} */ (h('select', { id: moveId, 'data-test': 'move-to-cluster',
    onchange: () => { ui.moveChoice.set(pid, move.value); } }));
  const confirm = h('button', { type: 'button', 'data-test': 'move-confirm', 'data-i18n': 'proposal.moveConfirm', onclick: () => {
    const cur = tableState()?.proposals[pid];
    const to = move.value || null;
    ui.moveChoice.delete(pid);
    if (!cur || (cur.cluster ?? null) === to) return;
    ui.refocus = pid;
    send('moveToCluster', { proposal: pid, cluster: to }, error);
  } }, t('proposal.moveConfirm'));
  const moveRow = h('div', { class: 'move-row' },
    h('div', { class: 'field inline move-field' }, h('label', { for: moveId, 'data-i18n': 'proposal.moveTo' }, t('proposal.moveTo')), move), confirm);

  const etId = uid('etitle');
  const exId = uid('etext');
  const editForm = h('form', { class: 'edit-form', hidden: true, novalidate: true },
    h('p', { class: 'conflict', 'data-test': 'conflict', role: 'alert', hidden: true }),
    h('div', { class: 'field' }, h('label', { for: etId, 'data-i18n': 'propose.titleLabel' }, t('propose.titleLabel')),
      h('input', { id: etId, 'data-test': 'edit-title', 'data-keep': `edit.${pid}.title`, 'data-limit': 'title', autocomplete: 'off' })),
    h('div', { class: 'field' }, h('label', { for: exId, 'data-i18n': 'propose.textLabel' }, t('propose.textLabel')),
      h('textarea', { id: exId, 'data-test': 'edit-text', 'data-keep': `edit.${pid}.text`, rows: '4', 'data-limit': 'text' })),
    h('div', { class: 'row' },
      h('button', { type: 'submit', 'data-test': 'edit-save', 'data-i18n': 'proposal.save' }, t('proposal.save')),
      h('button', { type: 'button', class: 'secondary', 'data-i18n': 'common.cancel', onclick: () => { stopEditing(pid); scheduleRender(); editBtn.focus(); } }, t('common.cancel'))));
  editForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const st = ui.editing.get(pid);
    const cur = tableState()?.proposals[pid];
    if (!st || !cur) return;
    const title = /** @type {HTMLInputElement} */ (editForm.querySelector('[data-test=edit-title]')).value;
    const textVal = /** @type {HTMLTextAreaElement} */ (editForm.querySelector('[data-test=edit-text]')).value;
    /** @type {Record<string, any>} */
    const fields = { proposal: pid, version: st.version };
    if (title !== cur.title || st.conflict) fields.title = title;
    if (textVal !== cur.text || st.conflict) fields.text = textVal;
    if (fields.title === undefined && fields.text === undefined) { stopEditing(pid); scheduleRender(); return; }
    const problem = validateCommand('edit', fields);
    if (problem) {
      setText(error, t(`validation.${problem.code}`, { limit: problem.limit ?? '' }));
      return;
    }
    setText(error, '');
    const attempt = { title, text: textVal };
    stopEditing(pid);
    client?.send('edit', fields).catch((err) => {
      if (err?.code === 'conflict') {
        const latest = tableState()?.proposals[pid];
        ui.editing.set(pid, { version: latest?.version ?? st.version, conflict: attempt });
        if (latest) fillEdit(card, latest, true);
        scheduleRender();
      } else if (err?.code !== 'offline') {
        setText(error, `${t('cmd.edit')}: ${errorText(err?.code)}`);
      }
    });
    scheduleRender();
  });

  const comments = h('ul', { class: 'comments' });
  const kindId = uid('ckind');
  const ctextId = uid('ctext');
  const replyNote = h('p', { class: 'reply-note', hidden: true },
    h('span', { class: 'reply-to' }), ' ',
    h('button', { type: 'button', class: 'link', 'data-i18n': 'comments.cancelReply', onclick: () => { ui.replyTo.delete(pid); scheduleRender(); } }, t('comments.cancelReply')));
  const kindSelect = h('select', { id: kindId, 'data-test': 'comment-kind' },
    ...['support', 'concern', 'question', 'other'].map((k) => h('option', { value: k, 'data-i18n': `comment.kind.${k}` }, t(`comment.kind.${k}`))));
  const keepKey = `comment.${pid}`;
  const ctext = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: ctextId, 'data-test': 'comment-text', 'data-keep': keepKey, rows: '2', 'data-limit': 'commentText' }));
  ctext.value = keeper.get(myTableStream(), keepKey) ?? '';
  if (ctext.value) ui.openComments.add(pid);
  const cerror = h('p', { class: 'error', role: 'alert' });
  const commentForm = h('form', { class: 'comment-form', novalidate: true },
    replyNote,
    h('div', { class: 'row' },
      h('div', { class: 'field inline' }, h('label', { for: kindId, 'data-i18n': 'comments.kind' }, t('comments.kind')), kindSelect)),
    h('div', { class: 'field' }, h('label', { for: ctextId, 'data-i18n': 'comments.text' }, t('comments.text')), ctext),
    cerror,
    h('button', { type: 'submit', 'data-test': 'comment-submit', 'data-i18n': 'comments.submit' }, t('comments.submit')));
  commentForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const fields = { proposal: pid, kind: /** @type {HTMLSelectElement} */ (kindSelect).value, text: ctext.value, replyTo: ui.replyTo.get(pid) };
    if (validateCommand('comment', fields)) { send('comment', fields, cerror); return; }
    const stream = myTableStream();
    ctext.value = '';
    keeper.clear(stream, keepKey);
    ui.replyTo.delete(pid);
    send('comment', fields, cerror, () => {
      if (!ctext.value) ctext.value = fields.text;
      keeper.set(stream, keepKey, ctext.value);
    });
  });
  const commentsTitleId = uid('ctitle');
  const commentsBox = h('section', { id: commentsId, class: 'comments-box', 'aria-labelledby': commentsTitleId, hidden: true },
    h('h5', { id: commentsTitleId, class: 'comments-title' }), comments,
    h('p', { class: 'muted comments-empty', 'data-i18n': 'comments.none' }, t('comments.none')), commentForm);
  card.append(tools, moveRow, error, editForm, commentsBox);

  // An edit typed before a reload comes back open, as it was.
  const keptVersion = keeper.get(myTableStream(), `edit.${pid}.version`);
  if (typeof keptVersion === 'number' && p.status === 'open') {
    ui.editing.set(pid, { version: keptVersion });
    /** @type {HTMLInputElement} */ (editForm.querySelector('[data-test=edit-title]')).value = keeper.get(myTableStream(), `edit.${pid}.title`) ?? p.title;
    /** @type {HTMLTextAreaElement} */ (editForm.querySelector('[data-test=edit-text]')).value = keeper.get(myTableStream(), `edit.${pid}.text`) ?? p.text;
    editForm.hidden = false;
  }
  return card;
}

/** Closes a proposal's edit form and forgets what was typed in it. @param {string} pid */
function stopEditing(pid) {
  ui.editing.delete(pid);
  const stream = myTableStream();
  for (const f of ['version', 'title', 'text']) keeper.clear(stream, `edit.${pid}.${f}`);
}

/** Puts the proposal's current title and text in its edit form. @param {HTMLElement} card @param {any} p @param {boolean} force */
function fillEdit(card, p, force) {
  const ti = /** @type {HTMLInputElement | null} */ (card.querySelector('[data-test=edit-title]'));
  const tx = /** @type {HTMLTextAreaElement | null} */ (card.querySelector('[data-test=edit-text]'));
  if (!ti || !tx) return;
  if (force || !ti.value) ti.value = p.title;
  if (force || !tx.value) tx.value = p.text;
}

/** @param {HTMLElement} card @param {any} p */
function updateCard(card, p) {
  const q = (/** @type {string} */ sel) => /** @type {HTMLElement} */ (card.querySelector(sel));
  const hidden = p.status === 'hidden';
  setText(q('[data-test=proposal-title]'), hidden ? t('proposal.hiddenTitle') : p.title ?? '');
  const number = card.querySelector('.card-number');
  if (number) setText(number, `${t('proposal.number', { n: proposalNumber(p.id) })} · `);
  const text = q('[data-test=proposal-text]');
  setText(text, hidden ? '' : p.text ?? '');
  text.hidden = hidden;
  const long = !hidden && typeof p.text === 'string' && (p.text.length > SHORT_TEXT || p.text.split('\n').length > 3);
  const expanded = ui.expanded.has(p.id);
  text.classList.toggle('clamped', long && !expanded);
  const more = q('[data-test=show-more]');
  more.hidden = !long;
  setText(more, expanded ? t('proposal.showLess') : t('proposal.showMore'));
  setAttr(more, 'aria-expanded', String(expanded));
  const badge = q('.status-badge');
  setText(badge, p.pending ? '' : p.status === 'open' ? '' : t(`proposal.status.${p.status}`));
  badge.hidden = p.pending || p.status === 'open';
  setText(q('.author'), p.pending ? t('proposal.byYou') : t('proposal.by', { name: nameOf(p.author) }));
  const pend = p.pending ? [p] : pendingFor((o) => o.fields.proposal === p.id);
  q('[data-test=pending]').hidden = pend.length === 0;
  setText(q('[data-test=pending]'), t('pending.sending'));
  if (p.pending) {
    setText(q('.counts'), '');
    return;
  }
  setText(q('.counts'), countsText(p.id));

  const s = tableState();
  const mod = s?.moderation?.[p.id];
  const note = q('.moderation');
  note.hidden = !(hidden && mod);
  if (hidden && mod) setText(note, t('moderation.hidden', { reason: mod.reason }));

  const open = p.status === 'open';
  const mine = p.author === welcome.member.id || ['facilitator', 'lead_facilitator'].includes(welcome.member.role);
  q('[data-test=edit]').hidden = !(open && mine && allowed('edit'));
  q('[data-test=withdraw]').hidden = !(open && mine && allowed('withdraw'));
  setAttr(q('[data-test=edit]'), 'aria-expanded', String(ui.editing.has(p.id)));

  const commentsOpen = ui.openComments.has(p.id);
  const n = s ? Object.values(s.comments).filter((c) => c.proposal === p.id).length : 0;
  const toggle = q('[data-test=comments-toggle]');
  setText(toggle, commentsOpen ? t('comments.close') : allowed('comment') && open ? t('comments.open', { count: n }) : t('comments.read', { count: n }));
  setAttr(toggle, 'aria-expanded', String(commentsOpen));
  toggle.hidden = n === 0 && !(allowed('comment') && open);
  q('.comments-box').hidden = !commentsOpen;

  const moving = open && allowed('moveToCluster');
  q('.move-row').hidden = !moving;
  const move = /** @type {HTMLSelectElement} */ (q('[data-test=move-to-cluster]'));
  const clusters = s ? Object.values(s.clusters) : [];
  const opts = [{ id: '', name: t('proposal.noCluster') }, ...clusters];
  syncList(move, opts, (c) => `o-${c.id}`, (c) => h('option', { value: c.id }), (el, c) => setText(el, c.id ? t('clusters.label', { name: c.name }) : c.name));
  const pendingMove = pend.filter((o) => o.type === 'moveToCluster').pop();
  const want = ui.moveChoice.get(p.id) ?? (pendingMove ? (pendingMove.fields.cluster ?? '') : (p.cluster ?? ''));
  if (move.value !== want) move.value = want;

  const st = ui.editing.get(p.id);
  const form = q('.edit-form');
  const wasHidden = form.hidden;
  form.hidden = !st || !(open && mine);
  if (st && wasHidden && !keeper.get(myTableStream(), `edit.${p.id}.title`)) fillEdit(card, p, true);
  const conflict = q('[data-test=conflict]');
  conflict.hidden = !st?.conflict;
  if (st?.conflict) {
    setText(conflict, t('proposal.conflict', { title: st.conflict.title, text: st.conflict.text }));
    if (st.version !== p.version && document.activeElement?.closest('.edit-form') !== form) {
      st.version = p.version;
      fillEdit(card, p, true);
    }
  }
  if (st && wasHidden && !form.hidden) /** @type {HTMLElement} */ (form.querySelector('input')).focus();

  renderComments(card, p);
}

/** @param {HTMLElement} card @param {any} p */
function renderComments(card, p) {
  const s = tableState();
  const all = s ? Object.values(s.comments).filter((c) => c.proposal === p.id) : [];
  const pend = pendingFor((o) => o.type === 'comment' && o.fields.proposal === p.id)
    .map((o) => ({ id: o.id, pending: true, author: welcome.member.id, ...o.fields }));
  const top = [...all.filter((c) => !c.replyTo), ...pend.filter((c) => !c.replyTo)];
  /** @param {string} parent */
  const repliesOf = (parent) => [...all.filter((c) => c.replyTo === parent), ...pend.filter((c) => c.replyTo === parent)];
  setText(/** @type {Element} */ (card.querySelector('.comments-title')), t('comments.title', { count: all.length }));
  /** @type {HTMLElement} */ (card.querySelector('.comments-empty')).hidden = top.length > 0;
  const list = /** @type {HTMLElement} */ (card.querySelector('.comments'));
  syncList(list, top, (c) => c.id, (c) => createComment(p.id, c, true), (el, c) => {
    updateComment(el, c);
    const replies = /** @type {HTMLElement} */ (el.querySelector('.replies'));
    syncList(replies, repliesOf(c.id), (r) => r.id, (r) => createComment(p.id, r, false), updateComment);
  });
  const replyTo = ui.replyTo.get(p.id);
  const note = /** @type {HTMLElement} */ (card.querySelector('.reply-note'));
  note.hidden = !replyTo;
  if (replyTo) {
    const c = s?.comments[replyTo];
    setText(/** @type {Element} */ (note.querySelector('.reply-to')), t('comments.replyingTo', { name: nameOf(c?.author) }));
  }
  const form = /** @type {HTMLElement} */ (card.querySelector('.comment-form'));
  form.hidden = p.status !== 'open' || !allowed('comment');
  for (const b of /** @type {NodeListOf<HTMLElement>} */ (card.querySelectorAll('.reply'))) b.hidden = form.hidden;
}

/** @param {string} pid @param {any} c @param {boolean} top */
function createComment(pid, c, top) {
  const el = h('li', { class: 'comment', 'data-test': c.pending ? 'comment-pending' : 'comment' },
    h('p', { class: 'comment-head' }, h('span', { class: 'badge kind' }), ' ', h('span', { class: 'comment-author' })),
    h('p', { class: 'comment-text' }),
    h('p', { class: 'pending', 'data-test': 'pending', hidden: true }, t('pending.sending')));
  if (!c.pending) {
    el.dataset.id = c.id;
    el.append(h('button', { type: 'button', class: 'link reply', 'data-test': 'reply', 'data-i18n': 'comments.reply', onclick: () => {
      const s = tableState();
      const target = s?.comments[c.id];
      ui.replyTo.set(pid, target?.replyTo ?? c.id);
      scheduleRender();
      const card = el.closest('.card');
      /** @type {HTMLElement | null} */ (card?.querySelector('[data-test=comment-text]') ?? null)?.focus();
    } }, t('comments.reply')));
  }
  if (top) el.append(h('ul', { class: 'replies' }));
  return el;
}

/** @param {HTMLElement} el @param {any} c */
function updateComment(el, c) {
  const q = (/** @type {string} */ sel) => /** @type {HTMLElement} */ (el.querySelector(sel));
  setText(q('.kind'), t(`comment.kind.${c.kind}`));
  setAttr(q('.kind'), 'data-kind', c.kind);
  setText(q('.comment-author'), nameOf(c.author));
  const mod = tableState()?.moderation?.[c.id];
  setText(q('.comment-text'), c.hidden ? t('moderation.hidden', { reason: mod?.reason ?? '' }) : c.text);
  q('.comment-text').classList.toggle('moderation', !!c.hidden);
  q('[data-test=pending]').hidden = !c.pending;
}

/** @param {any} c */
function createCluster(c) {
  const nameId = uid('kname');
  const renameId = uid('krename');
  const mergeId = uid('kmerge');
  const el = h('li', { class: 'cluster', 'data-test': c.pending ? 'cluster-pending' : 'cluster', 'aria-labelledby': nameId },
    h('h4', { id: nameId, class: 'cluster-name' }, h('span', { 'data-test': 'cluster-name' })),
    h('p', { class: 'pending', 'data-test': 'pending', hidden: true }, t('pending.sending')));
  if (c.pending) return el;
  el.dataset.id = c.id;
  const error = h('p', { class: 'error', role: 'alert' });
  const keepKey = `rename.${c.id}`;
  const rename = /** @type {HTMLInputElement} */ (h('input', { id: renameId, 'data-test': 'cluster-rename-name', 'data-keep': keepKey, 'data-limit': 'clusterName', autocomplete: 'off' }));
  rename.value = keeper.get(myTableStream(), keepKey) ?? '';
  const renameForm = h('form', { class: 'row', novalidate: true },
    h('div', { class: 'field inline' }, h('label', { for: renameId, 'data-i18n': 'clusters.renameLabel' }, t('clusters.renameLabel')), rename),
    h('button', { type: 'submit', 'data-test': 'cluster-rename', 'data-i18n': 'clusters.rename' }, t('clusters.rename')));
  renameForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = rename.value.trim() ? rename.value : '';
    const stream = myTableStream();
    if (!validateCommand('renameCluster', { name })) {
      rename.value = '';
      keeper.clear(stream, keepKey);
    }
    send('renameCluster', { cluster: c.id, name }, error, () => { rename.value = name; keeper.set(stream, keepKey, name); });
  });
  const into = /** @type {HTMLSelectElement} */ (h('select', { id: mergeId, 'data-test': 'cluster-merge-into' }));
  const mergeRow = h('div', { class: 'row merge-row' },
    h('div', { class: 'field inline' }, h('label', { for: mergeId, 'data-i18n': 'clusters.mergeInto' }, t('clusters.mergeInto')), into),
    h('button', { type: 'button', 'data-test': 'cluster-merge', 'data-i18n': 'clusters.merge', onclick: () => {
      if (into.value) send('mergeClusters', { from: c.id, into: into.value }, error);
    } }, t('clusters.merge')));
  const dissolve = h('button', { type: 'button', class: 'secondary', 'data-test': 'cluster-dissolve', 'data-i18n': 'clusters.dissolve',
    onclick: () => {
      ui.confirmDissolve.add(c.id);
      scheduleRender();
      requestAnimationFrame(() => /** @type {HTMLElement | null} */ (el.querySelector('[data-test=dissolve-cancel]'))?.focus());
    } }, t('clusters.dissolve'));
  const confirmRow = h('div', { class: 'confirm', 'data-test': 'dissolve-confirm-box', role: 'alertdialog', 'aria-live': 'polite', hidden: true },
    h('p', { class: 'confirm-text' }),
    h('div', { class: 'row' },
      h('button', { type: 'button', 'data-test': 'dissolve-confirm', 'data-i18n': 'clusters.dissolveYes', onclick: () => {
        ui.confirmDissolve.delete(c.id);
        send('dissolveCluster', { cluster: c.id }, error);
      } }, t('clusters.dissolveYes')),
      h('button', { type: 'button', class: 'secondary', 'data-test': 'dissolve-cancel', 'data-i18n': 'clusters.dissolveNo', onclick: () => {
        ui.confirmDissolve.delete(c.id);
        scheduleRender();
        dissolve.focus();
      } }, t('clusters.dissolveNo'))));
  const tools = h('details', { class: 'cluster-tools', 'data-test': 'cluster-tools' },
    h('summary', { 'data-i18n': 'clusters.tools' }, t('clusters.tools')),
    renameForm, mergeRow, h('div', { class: 'row' }, dissolve), confirmRow);
  if (rename.value) /** @type {HTMLDetailsElement} */ (tools).open = true;
  const dropTitle = uid('kdrop');
  const drop = h('ul', { class: 'cards drop', 'data-test': 'cluster-drop', 'aria-labelledby': dropTitle });
  drop.dataset.cluster = c.id;
  const empty = h('p', { class: 'muted drop-empty' });
  el.append(tools, error,
    h('p', { id: dropTitle, class: 'visually-hidden', 'data-i18n': 'clusters.proposalsIn' }, t('clusters.proposalsIn')), drop, empty);
  makeSortable(drop);
  return el;
}

/** @param {HTMLElement} el @param {any} c @param {any[]} clusters */
function updateCluster(el, c, clusters) {
  const q = (/** @type {string} */ sel) => /** @type {HTMLElement} */ (el.querySelector(sel));
  setText(q('[data-test=cluster-name]'), c.name);
  const pend = c.pending ? [c] : pendingFor((o) => ['renameCluster', 'mergeClusters', 'dissolveCluster'].includes(o.type) && (o.fields.cluster === c.id || o.fields.from === c.id));
  q('[data-test=pending]').hidden = pend.length === 0;
  setText(q('[data-test=pending]'), t('pending.sending'));
  if (c.pending) return;
  q('[data-test=cluster-tools]').hidden = !allowed('renameCluster');
  const into = /** @type {HTMLSelectElement} */ (q('[data-test=cluster-merge-into]'));
  const others = clusters.filter((k) => k.id !== c.id);
  syncList(into, [{ id: '', name: t('clusters.choose') }, ...others], (k) => `o-${k.id}`, (k) => h('option', { value: k.id }), (o, k) => setText(o, k.name));
  q('.merge-row').hidden = others.length === 0;
  const s = tableState();
  const members = (c.proposals ?? []).map((/** @type {string} */ id) => s?.proposals[id]).filter((/** @type {any} */ p) => p && p.status !== 'withdrawn');
  const asking = ui.confirmDissolve.has(c.id);
  q('[data-test=dissolve-confirm-box]').hidden = !asking;
  if (asking) setText(q('.confirm-text'), t('clusters.dissolveAsk', { name: c.name, count: members.length }));
  const drop = q('[data-test=cluster-drop]');
  syncList(drop, members, (p) => p.id, createCard, updateCard, ui.cards);
  const empty = q('.drop-empty');
  empty.hidden = members.length > 0;
  setText(empty, allowed('moveToCluster') ? t('clusters.dropHere') : t('clusters.emptyGroup'));
}

/** @param {HTMLElement} list */
function makeSortable(list) {
  if (!Sortable) {
    sortableWaiting.push(list);
    return;
  }
  Sortable.create(list, {
    group: 'cards',
    handle: '.drag-handle',
    sort: false,
    animation: 150,
    onAdd: (/** @type {any} */ evt) => {
      const pid = evt.item?.dataset?.id;
      const to = evt.to?.dataset?.cluster || null;
      // Put the card back where the server says it is; the event moves it for real.
      evt.from.insertBefore(evt.item, evt.from.children[evt.oldIndex] ?? null);
      if (pid) send('moveToCluster', { proposal: pid, cluster: to });
      scheduleRender();
    },
  });
}
/** @type {HTMLElement[]} */
const sortableWaiting = [];

async function loadSortable() {
  try {
    const mod = await import('/webjars/sortablejs/1.15.6/modular/sortable.esm.js');
    Sortable = mod.default ?? mod.Sortable;
    document.documentElement.classList.add('can-drag');
    for (const l of sortableWaiting.splice(0)) makeSortable(l);
    /** @type {any} */ (window).tingstedSortable = Sortable;
  } catch {
    // Without SortableJS the "move" control on each card still moves it.
  }
}

let saveTimer = /** @type {any} */ (null);
function saveSoon() {
  if (saveTimer) return;
  saveTimer = setTimeout(() => {
    saveTimer = null;
    try { localStorage.setItem(stateKey, JSON.stringify(store.toJSON())); } catch { /* storage full */ }
  }, 500);
}

/** Puts what was typed into the page's own fields back, once the member's table is known. */
function restoreStatic() {
  const stream = myTableStream();
  if (ui.restoredFor === stream) return;
  ui.restoredFor = stream;
  for (const el of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('#propose-form [data-keep], #cluster-form [data-keep]'))) {
    const kept = keeper.get(stream, /** @type {string} */ (el.dataset.keep));
    if (typeof kept === 'string' && !el.value) el.value = kept;
  }
}

function showProblem(/** @type {string} */ key) {
  $('app').hidden = true;
  $('tabs').hidden = true;
  $('join-problem').hidden = false;
  setText($('join-problem-text'), t(key));
  $('join-problem-text').dataset.key = key;
  renderStatus();
}

function wireStatic() {
  const lang = /** @type {HTMLSelectElement} */ ($('lang'));
  lang.value = preferredLanguage();
  lang.addEventListener('change', async () => {
    await setLanguage(lang.value);
    translatePage(document);
    const key = $('join-problem-text').dataset.key;
    if (key) setText($('join-problem-text'), t(key));
    render();
  });
  const chimeBox = /** @type {HTMLInputElement} */ ($('chime'));
  chimeBox.checked = chimeEnabled();
  unlockAudio();
  chimeBox.addEventListener('change', () => {
    setChimeEnabled(chimeBox.checked);
    if (chimeBox.checked) chime();
  });
  const menu = $('menu');
  const menuButton = $('menu-button');
  const setMenu = (/** @type {boolean} */ open) => {
    menu.hidden = !open;
    setAttr(menuButton, 'aria-expanded', String(open));
    setText(menuButton, t(open ? 'menu.close' : 'menu.open'));
  };
  menuButton.addEventListener('click', () => setMenu(menu.hidden));
  $('menu-close').addEventListener('click', () => { setMenu(false); menuButton.focus(); });

  for (const b of /** @type {NodeListOf<HTMLButtonElement>} */ (document.querySelectorAll('#tabs .tab'))) {
    b.addEventListener('click', () => showView(/** @type {string} */ (b.dataset.tab)));
  }

  // Whatever is typed into a field with a data-keep key is kept until it is sent, cut at the
  // field's limit (data-limit names it) in characters as the protocol counts them.
  document.addEventListener('input', (e) => {
    const el = /** @type {HTMLInputElement} */ (e.target);
    keepWithinLimit(el);
    const key = el?.dataset?.keep;
    if (key && welcome) keeper.set(myTableStream(), key, el.value);
  });

  const form = /** @type {HTMLFormElement} */ ($('propose-form'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const title = /** @type {HTMLInputElement} */ ($('propose-title-input'));
    const text = /** @type {HTMLTextAreaElement} */ ($('propose-text-input'));
    const fields = { title: title.value, text: text.value };
    const stream = myTableStream();
    if (!validateCommand('propose', fields)) {
      form.reset();
      keeper.clear(stream, 'propose.title');
      keeper.clear(stream, 'propose.text');
    }
    send('propose', fields, $('propose-error'), () => {
      if (!title.value && !text.value) {
        title.value = fields.title;
        text.value = fields.text;
      }
      keeper.set(stream, 'propose.title', title.value);
      keeper.set(stream, 'propose.text', text.value);
    });
  });

  const cform = /** @type {HTMLFormElement} */ ($('cluster-form'));
  cform.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = /** @type {HTMLInputElement} */ ($('cluster-new-name'));
    const fields = { name: name.value };
    const stream = myTableStream();
    if (!validateCommand('createCluster', fields)) {
      name.value = '';
      keeper.clear(stream, 'cluster.new');
    }
    send('createCluster', fields, $('cluster-error'), () => {
      if (!name.value) name.value = fields.name;
      keeper.set(stream, 'cluster.new', name.value);
    });
  });

  const handAction = (/** @type {string} */ type) => () => {
    if (pendingFor((o) => ['raiseHand', 'lowerHand', 'endTurn'].includes(o.type) && !o.fields.member).length) return;
    send(type, {});
  };
  $('raise-hand').addEventListener('click', handAction('raiseHand'));
  $('lower-hand').addEventListener('click', handAction('lowerHand'));
  $('end-turn').addEventListener('click', handAction('endTurn'));
  makeSortable($('loose'));
}

async function main() {
  await setLanguage(preferredLanguage());
  translatePage(document);
  wireStatic();
  renderStatus();
  const entered = await enter();
  if (entered.problem === 'none') {
    location.replace('/');
    return;
  }
  if (entered.problem || !entered.held) {
    showProblem(problemKey(entered.problem ?? 'invalid'));
    // No answer from the server: the link is still in the address; try again in a while.
    if (entered.problem === 'offline') setTimeout(() => location.reload(), 5000);
    return;
  }
  const held = entered.held;
  const person = storageKey(`${held.assembly}.${held.member}`);
  stateKey = `tingsted.state.${person}`;
  welcomeKey = `tingsted.welcome.${person}`;
  keeper = new Keeper(`tingsted.keep.${person}`);
  try {
    const saved = JSON.parse(localStorage.getItem(stateKey) ?? 'null');
    if (saved) store.restore(saved);
    welcome = JSON.parse(localStorage.getItem(welcomeKey) ?? 'null');
  } catch { /* nothing saved */ }
  client = new TingstedClient({ token: held.session, member: `${held.assembly}.${held.member}`, device });
  store.bind(client);
  store.addEventListener('change', scheduleRender);
  client.addEventListener('state', scheduleRender);
  client.addEventListener('outbox', scheduleRender);
  client.addEventListener('ack', scheduleRender);
  client.addEventListener('welcome', (e) => {
    const w = /** @type {CustomEvent} */ (e).detail;
    if (welcome?.table && welcome.table !== w.table) {
      store.drop(tableStream(welcome.table));
      keeper.drop(tableStream(welcome.table));
    }
    welcome = w;
    try { localStorage.setItem(welcomeKey, JSON.stringify(w)); } catch { /* storage full */ }
    $('app').hidden = false;
    scheduleRender();
  });
  client.addEventListener('unauthorized', (e) => {
    const reason = /** @type {CustomEvent} */ (e).detail?.reason;
    forget();
    try {
      localStorage.removeItem(stateKey);
      localStorage.removeItem(welcomeKey);
    } catch { /* ignore */ }
    showProblem(problemKey(reason ?? 'unauthorized'));
  });
  client.addEventListener('commandError', (e) => {
    const { command, error, handled } = /** @type {CustomEvent} */ (e).detail;
    if (command.type === 'edit' && error.code === 'conflict') return;
    if (!handled) notice(`${t(`cmd.${command.type}`)}: ${errorText(error.code)}`);
  });
  client.addEventListener('error', (e) => {
    const err = /** @type {CustomEvent} */ (e).detail;
    if (err.code !== 'unauthorized') notice(errorText(err.code));
  });
  if (welcome) $('app').hidden = false;
  window.addEventListener('online', () => { if (client && client.state !== 'online' && client.state !== 'replaced') client.reconnect(); });
  $('status-resume').addEventListener('click', () => client.reconnect());
  setInterval(tick, 200);
  loadSortable();
  client.connect();
  scheduleRender();
}

main();
