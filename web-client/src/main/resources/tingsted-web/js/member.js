// @ts-check
/**
 * The member app: a member's view of their table, on a tablet in the room or a computer at
 * home. Everything shown comes from the Store, which only changes on the server's events; an
 * action shows "sending…" until the server acknowledges it.
 */
import { TingstedClient, validateCommand, storageKey } from './client.js';
import { Store, tablePhase, tableTimer, remainingMillis, formatCountdown, announcementsFor } from './store.js';
import { setLanguage, preferredLanguage, t, translatePage } from './i18n.js';
import { h, setText, setAttr, syncList, uid } from './dom.js';
import { renderVotes, renderResults, renderFinalVotes } from './votes.js';
import { renderPlenary } from './plenary.js';

/** @param {string} id @returns {any} */
const $ = (id) => /** @type {any} */ (document.getElementById(id));

const token = decodeURIComponent(location.hash.slice(1));
const device = /** @type {'room' | 'remote'} */ (new URLSearchParams(location.search).get('device') === 'remote' ? 'remote' : 'room');
const store = new Store();
const stateKey = `tingsted.state.${storageKey(token || '-')}`;
const welcomeKey = `tingsted.welcome.${storageKey(token || '-')}`;
/** @type {TingstedClient | null} */
let client = null;
/** @type {any} */
let welcome = null;
/** @type {any} Sortable, once loaded */
let Sortable = null;

/** UI state that is not the server's: open edit forms, reply targets, messages. */
const ui = {
  /** @type {Map<string, {version: number, conflict?: {title: string, text: string}}>} */
  editing: new Map(),
  /** @type {Map<string, string>} proposal -> comment replied to */
  replyTo: new Map(),
  /** @type {Map<string, string>} proposal -> error message key shown in the card */
  cardError: new Map(),
  /** @type {Map<string, HTMLElement>} */
  cards: new Map(),
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
};

function tableStream() { return welcome?.table ? `table:${welcome.table}` : ''; }
function sessionStream() { return welcome?.session ? `session:${welcome.session}` : ''; }
function tableState() { return store.table(tableStream()); }
function sessionState() { return store.session(sessionStream()); }

/** @param {string | undefined | null} id */
function nameOf(id) {
  if (!id) return '';
  if (welcome?.member?.id === id) return t('member.you', { name: welcome.member.name });
  const p = store.presence.get(welcome?.table)?.members?.find((/** @type {any} */ m) => m.id === id);
  return p ? p.name : t('member.unknown');
}

/** A vote item: a proposal's title or a cluster's name. @param {string} id */
function itemLabel(id) {
  const s = tableState();
  const p = s?.proposals[id];
  if (p) return p.status === 'hidden' ? t('proposal.hiddenTitle') : p.title;
  const c = s?.clusters[id];
  if (c) return t('clusters.label', { name: c.name });
  return id;
}

/** Pending commands, optionally only those matching. @param {(o: any) => boolean} [match] */
function pendingFor(match = () => true) {
  return client ? client.pending().filter(match) : [];
}

/**
 * Sends a command; shows a translated error when refused. Never changes the view itself: the
 * server's event does.
 * @param {string} type @param {Record<string, any>} fields @param {HTMLElement | null} [errorEl]
 */
function send(type, fields, errorEl = null) {
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
  const el = $('notice');
  setText(el, text);
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
  renderWho();
  renderNow();
  renderPresence();
  renderHands();
  renderBoard();
  renderVotes(ctx, $('votes'), $('votes-empty'));
  renderFinalVotes(ctx, $('final-votes'));
  renderResults(ctx, $('results'), $('results-panel'));
  renderPlenary({
    session: sessionState(),
    assembly: welcome.assembly,
    sessionId: welcome.session,
    tableName: (id) => store.presence.get(id)?.name ?? id,
  }, { list: $('drafts'), empty: $('drafts-empty'), reportBox: $('report-box'), reportLink: $('report-link') });
  saveSoon();
}

function renderStatus() {
  const el = /** @type {HTMLElement} */ (document.querySelector('[data-test=status]'));
  const state = client?.unauthorized ? 'offline' : client?.state ?? 'connecting';
  setAttr(el, 'data-state', state);
  setText($('status-text'), t(`status.${state}`));
  const n = client ? client.pending().length : 0;
  setText($('status-pending'), n > 0 ? t('status.pending', { count: n }) : '');
}

function renderWho() {
  const me = welcome.member;
  const tableName = store.presence.get(welcome.table)?.name;
  const text = welcome.table
    ? t('who.atTable', { name: me.name, table: tableName ?? welcome.table, role: t(`role.${me.role}`) })
    : t('who.noTable', { name: me.name, role: t(`role.${me.role}`) });
  setText($('who'), text);
}

function renderNow() {
  const session = sessionState();
  const ph = tablePhase(session, welcome.table);
  const phaseEl = $('phase');
  setText(phaseEl, ph ? phaseName(ph.phase) : t('phase.none'));
  setAttr(phaseEl, 'data-phase', ph ? ph.phase : '');
  setAttr(phaseEl, 'title', ph?.title ?? null);
  const anns = announcementsFor(session, welcome.table);
  setText($('announcement'), anns.length ? anns[anns.length - 1].text : t('now.noAnnouncement'));
  const link = tableState()?.videoLink;
  const safe = typeof link === 'string' && /^https:\/\//i.test(link);
  $('video').hidden = !safe;
  if (safe) setAttr($('video-link'), 'href', link);
  else $('video-link').removeAttribute('href');
  const note = $('propose-phase-note');
  const open = !ph || ph.phase === 'propose';
  note.hidden = open;
  if (!open) setText(note, t('propose.closedNote', { phase: phaseName(ph.phase) }));
  tick();
}

/** @param {string} phase */
function phaseName(phase) {
  const key = `phase.${phase}`;
  const s = t(key);
  return s === key ? phase : s;
}

function tick() {
  if (!welcome) return;
  const timer = tableTimer(sessionState(), welcome.table);
  const el = $('countdown');
  const now = client ? client.serverNow() : Date.now();
  setText(el, timer ? formatCountdown(remainingMillis(timer, now)) : '--:--');
  setAttr(el, 'data-state', timer ? timer.status : 'none');
  const label = timer?.label ? `${timer.label}` : '';
  setText($('timer-note'), timer ? (timer.status === 'paused' ? t('now.paused', { label }) : label) : t('now.noTimer'));
}

function renderPresence() {
  const members = store.presence.get(welcome.table)?.members ?? [];
  syncList($('presence'), members, (m) => m.id,
    () => h('li', { 'data-test': 'present' }, h('span', { class: 'presence-dot', 'aria-hidden': 'true' }), h('span', { class: 'presence-name' }), h('span', { class: 'presence-where' })),
    (el, m) => {
      setAttr(el, 'data-id', m.id);
      setAttr(el, 'data-online', String(!!m.online));
      setAttr(el, 'data-device', m.device);
      setText(/** @type {Element} */ (el.querySelector('.presence-name')), m.id === welcome.member.id ? t('member.you', { name: m.name }) : m.name);
      setText(/** @type {Element} */ (el.querySelector('.presence-where')), m.online ? t(`presence.${m.device}`) : t('presence.away'));
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

/** @param {any} p */
function canManage(p) {
  const role = welcome.member.role;
  return p.author === welcome.member.id || role === 'facilitator' || role === 'lead_facilitator';
}

function renderBoard() {
  const s = tableState();
  const all = s ? Object.values(s.proposals) : [];
  const visible = all.filter((p) => p.status !== 'withdrawn');
  const clusters = s ? Object.values(s.clusters) : [];
  const pendingProposals = pendingFor((o) => o.type === 'propose').map((o) => ({ pending: true, id: o.id, ...o.fields }));
  const loose = [...visible.filter((p) => !p.cluster || !s.clusters[p.cluster]), ...pendingProposals];
  syncList($('loose'), loose, (p) => p.id, createCard, updateCard, ui.cards);
  $('board-empty').hidden = visible.length + pendingProposals.length > 0;

  const pendingClusters = pendingFor((o) => o.type === 'createCluster').map((o) => ({ pending: true, id: o.id, name: o.fields.name, proposals: [] }));
  syncList($('clusters'), [...clusters, ...pendingClusters], (c) => c.id, createCluster, (el, c) => updateCluster(el, c, clusters));

  const withdrawn = all.filter((p) => p.status === 'withdrawn');
  $('withdrawn-box').hidden = withdrawn.length === 0;
  syncList($('withdrawn'), withdrawn, (p) => p.id, createCard, updateCard, ui.cards);
}

/** @param {any} p */
function createCard(p) {
  const pid = p.id;
  const titleId = uid('ptitle');
  const card = h('li', { class: 'card', 'data-test': p.pending ? 'proposal-pending' : 'proposal', 'aria-labelledby': titleId });
  if (!p.pending) card.dataset.id = pid;
  const head = h('div', { class: 'card-head' },
    p.pending ? null : h('span', { class: 'drag-handle', 'aria-hidden': 'true', title: t('board.dragHandle') }, '⠿'),
    h('h4', { id: titleId, class: 'card-title', 'data-test': 'proposal-title' }),
    h('span', { class: 'badge status-badge' }));
  const text = h('p', { class: 'card-text', 'data-test': 'proposal-text' });
  const meta = h('p', { class: 'meta' });
  const pending = h('p', { class: 'pending', 'data-test': 'pending', hidden: true }, t('pending.sending'));
  const hiddenNote = h('p', { class: 'moderation', hidden: true });
  card.append(head, text, meta, pending, hiddenNote);
  if (p.pending) return card;

  const error = h('p', { class: 'error', role: 'alert' });
  const editBtn = h('button', { type: 'button', 'data-test': 'edit', 'data-i18n': 'proposal.edit', 'aria-expanded': 'false', onclick: () => {
    const cur = tableState()?.proposals[pid];
    if (!cur) return;
    if (ui.editing.has(pid)) ui.editing.delete(pid);
    else ui.editing.set(pid, { version: cur.version });
    fillEdit(card, cur, true);
    scheduleRender();
  } }, t('proposal.edit'));
  const withdrawBtn = h('button', { type: 'button', class: 'secondary', 'data-test': 'withdraw', 'data-i18n': 'proposal.withdraw',
    onclick: () => send('withdraw', { proposal: pid }, error) }, t('proposal.withdraw'));
  const moveId = uid('move');
  const move = /** @type {HTMLSelectElement} */ (h('select', { id: moveId, 'data-test': 'move-to-cluster',
    onchange: () => send('moveToCluster', { proposal: pid, cluster: move.value || null }, error) }));
  const moveField = h('div', { class: 'field inline move-field' },
    h('label', { for: moveId, 'data-i18n': 'proposal.moveTo' }, t('proposal.moveTo')), move);
  const actions = h('div', { class: 'row actions' }, editBtn, withdrawBtn, moveField);

  const etId = uid('etitle');
  const exId = uid('etext');
  const editForm = h('form', { class: 'edit-form', hidden: true, novalidate: true },
    h('p', { class: 'conflict', 'data-test': 'conflict', role: 'alert', hidden: true }),
    h('div', { class: 'field' }, h('label', { for: etId, 'data-i18n': 'propose.titleLabel' }, t('propose.titleLabel')),
      h('input', { id: etId, 'data-test': 'edit-title', maxlength: '120', autocomplete: 'off' })),
    h('div', { class: 'field' }, h('label', { for: exId, 'data-i18n': 'propose.textLabel' }, t('propose.textLabel')),
      h('textarea', { id: exId, 'data-test': 'edit-text', rows: '4', maxlength: '2000' })),
    h('div', { class: 'row' },
      h('button', { type: 'submit', 'data-test': 'edit-save', 'data-i18n': 'proposal.save' }, t('proposal.save')),
      h('button', { type: 'button', class: 'secondary', 'data-i18n': 'common.cancel', onclick: () => { ui.editing.delete(pid); scheduleRender(); editBtn.focus(); } }, t('common.cancel'))));
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
    if (fields.title === undefined && fields.text === undefined) { ui.editing.delete(pid); scheduleRender(); return; }
    const problem = validateCommand('edit', fields);
    if (problem) {
      setText(error, t(`validation.${problem.code}`, { limit: problem.limit ?? '' }));
      return;
    }
    setText(error, '');
    const attempt = { title, text: textVal };
    ui.editing.delete(pid);
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
  const ctext = /** @type {HTMLTextAreaElement} */ (h('textarea', { id: ctextId, 'data-test': 'comment-text', rows: '2', maxlength: '1000' }));
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
    ctext.value = '';
    ui.replyTo.delete(pid);
    send('comment', fields, cerror);
  });
  const commentsTitleId = uid('ctitle');
  const commentsBox = h('section', { class: 'comments-box', 'aria-labelledby': commentsTitleId },
    h('h5', { id: commentsTitleId, class: 'comments-title' }), comments, commentForm);
  card.append(actions, error, editForm, commentsBox);
  return card;
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
  setText(q('[data-test=proposal-text]'), hidden ? '' : p.text ?? '');
  q('[data-test=proposal-text]').hidden = hidden;
  const badge = q('.status-badge');
  setText(badge, p.pending ? '' : p.status === 'open' ? '' : t(`proposal.status.${p.status}`));
  badge.hidden = p.pending || p.status === 'open';
  setText(q('.meta'), p.pending ? t('proposal.byYou') : t('proposal.by', { name: nameOf(p.author) }));
  const pend = p.pending ? [p] : pendingFor((o) => o.fields.proposal === p.id);
  q('[data-test=pending]').hidden = pend.length === 0;
  setText(q('[data-test=pending]'), t('pending.sending'));
  if (p.pending) return;

  const s = tableState();
  const mod = s?.moderation?.[p.id];
  const note = q('.moderation');
  note.hidden = !(hidden && mod);
  if (hidden && mod) setText(note, t('moderation.hidden', { reason: mod.reason }));

  const open = p.status === 'open';
  const manage = open && canManage(p);
  q('[data-test=edit]').hidden = !manage;
  q('[data-test=withdraw]').hidden = !manage;
  setAttr(q('[data-test=edit]'), 'aria-expanded', String(ui.editing.has(p.id)));
  q('.move-field').hidden = !open;

  const move = /** @type {HTMLSelectElement} */ (q('[data-test=move-to-cluster]'));
  const clusters = s ? Object.values(s.clusters) : [];
  const opts = [{ id: '', name: t('proposal.noCluster') }, ...clusters];
  syncList(move, opts, (c) => `o-${c.id}`, (c) => h('option', { value: c.id }), (el, c) => setText(el, c.name));
  const pendingMove = pend.filter((o) => o.type === 'moveToCluster').pop();
  const want = pendingMove ? (pendingMove.fields.cluster ?? '') : (p.cluster ?? '');
  if (document.activeElement !== move && move.value !== want) move.value = want;

  const st = ui.editing.get(p.id);
  const form = q('.edit-form');
  const wasHidden = form.hidden;
  form.hidden = !st || !manage;
  if (st && wasHidden) fillEdit(card, p, true);
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
  form.hidden = p.status !== 'open';
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
    h('h4', { id: nameId, 'data-test': 'cluster-name', class: 'cluster-name' }),
    h('p', { class: 'pending', 'data-test': 'pending', hidden: true }, t('pending.sending')));
  if (c.pending) return el;
  el.dataset.id = c.id;
  const error = h('p', { class: 'error', role: 'alert' });
  const rename = /** @type {HTMLInputElement} */ (h('input', { id: renameId, 'data-test': 'cluster-rename-name', maxlength: '80', autocomplete: 'off' }));
  const renameForm = h('form', { class: 'row', novalidate: true },
    h('div', { class: 'field inline' }, h('label', { for: renameId, 'data-i18n': 'clusters.renameLabel' }, t('clusters.renameLabel')), rename),
    h('button', { type: 'submit', 'data-test': 'cluster-rename', 'data-i18n': 'clusters.rename' }, t('clusters.rename')));
  renameForm.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = rename.value.trim() ? rename.value : '';
    if (!validateCommand('renameCluster', { name })) rename.value = '';
    send('renameCluster', { cluster: c.id, name }, error);
  });
  const into = /** @type {HTMLSelectElement} */ (h('select', { id: mergeId, 'data-test': 'cluster-merge-into' }));
  const mergeRow = h('div', { class: 'row merge-row' },
    h('div', { class: 'field inline' }, h('label', { for: mergeId, 'data-i18n': 'clusters.mergeInto' }, t('clusters.mergeInto')), into),
    h('button', { type: 'button', 'data-test': 'cluster-merge', 'data-i18n': 'clusters.merge', onclick: () => {
      if (into.value) send('mergeClusters', { from: c.id, into: into.value }, error);
    } }, t('clusters.merge')),
    h('button', { type: 'button', class: 'secondary', 'data-test': 'cluster-dissolve', 'data-i18n': 'clusters.dissolve',
      onclick: () => send('dissolveCluster', { cluster: c.id }, error) }, t('clusters.dissolve')));
  const dropTitle = uid('kdrop');
  const drop = h('ul', { class: 'cards drop', 'data-test': 'cluster-drop', 'aria-labelledby': dropTitle });
  drop.dataset.cluster = c.id;
  const empty = h('p', { class: 'muted drop-empty', 'data-i18n': 'clusters.dropHere' }, t('clusters.dropHere'));
  el.append(renameForm, mergeRow, error,
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
  const into = /** @type {HTMLSelectElement} */ (q('[data-test=cluster-merge-into]'));
  const others = clusters.filter((k) => k.id !== c.id);
  syncList(into, [{ id: '', name: t('clusters.choose') }, ...others], (k) => `o-${k.id}`, (k) => h('option', { value: k.id }), (o, k) => setText(o, k.name));
  q('.merge-row').hidden = others.length === 0;
  const s = tableState();
  const members = (c.proposals ?? []).map((/** @type {string} */ id) => s?.proposals[id]).filter((/** @type {any} */ p) => p && p.status !== 'withdrawn');
  const drop = q('[data-test=cluster-drop]');
  syncList(drop, members, (p) => p.id, createCard, updateCard, ui.cards);
  q('.drop-empty').hidden = members.length > 0;
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
    // Without SortableJS the select on each card still moves it.
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

function showProblem(/** @type {string} */ key) {
  $('app').hidden = true;
  $('join-problem').hidden = false;
  setText($('join-problem-text'), t(key));
  $('join-problem-text').dataset.key = key;
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

  const form = /** @type {HTMLFormElement} */ ($('propose-form'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const title = /** @type {HTMLInputElement} */ ($('propose-title-input'));
    const text = /** @type {HTMLTextAreaElement} */ ($('propose-text-input'));
    const fields = { title: title.value, text: text.value };
    if (!validateCommand('propose', fields)) form.reset();
    send('propose', fields, $('propose-error'));
  });

  const cform = /** @type {HTMLFormElement} */ ($('cluster-form'));
  cform.addEventListener('submit', (e) => {
    e.preventDefault();
    const name = /** @type {HTMLInputElement} */ ($('cluster-new-name'));
    const fields = { name: name.value };
    if (!validateCommand('createCluster', fields)) name.value = '';
    send('createCluster', fields, $('cluster-error'));
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
  if (!token) {
    setAttr(/** @type {Element} */ (document.querySelector('[data-test=status]')), 'data-state', 'offline');
    showProblem('join.noToken');
    return;
  }
  try {
    const saved = JSON.parse(localStorage.getItem(stateKey) ?? 'null');
    if (saved) store.restore(saved);
    welcome = JSON.parse(localStorage.getItem(welcomeKey) ?? 'null');
  } catch { /* nothing saved */ }
  client = new TingstedClient({ token, device });
  store.bind(client);
  store.addEventListener('change', scheduleRender);
  client.addEventListener('state', scheduleRender);
  client.addEventListener('outbox', scheduleRender);
  client.addEventListener('ack', scheduleRender);
  client.addEventListener('welcome', (e) => {
    const w = /** @type {CustomEvent} */ (e).detail;
    if (welcome?.table && welcome.table !== w.table) store.drop(`table:${welcome.table}`);
    welcome = w;
    try { localStorage.setItem(welcomeKey, JSON.stringify(w)); } catch { /* storage full */ }
    $('app').hidden = false;
    scheduleRender();
  });
  client.addEventListener('unauthorized', () => {
    try {
      localStorage.removeItem(stateKey);
      localStorage.removeItem(welcomeKey);
    } catch { /* ignore */ }
    showProblem('join.badToken');
    renderStatus();
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
  window.addEventListener('online', () => { if (client && client.state !== 'online') client.reconnect(); });
  setInterval(tick, 200);
  loadSortable();
  client.connect();
  scheduleRender();
}

main();
