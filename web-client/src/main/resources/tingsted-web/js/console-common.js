// @ts-check
// What the lead's and the table facilitators' views share: the console's view context, the
// buttons and forms that send commands (with their pending and error states), names, phases,
// countdowns and the table overview card.

import { h, option } from './console-dom.js';
import { t, formatPercent } from './i18n.js';
import { formatCountdown, remainingMillis, tablePhase, timersAt } from './store.js';

export const PHASES = ['welcome', 'propose', 'discuss', 'cluster', 'rank', 'plenary', 'report', 'break'];

/**
 * Everything a view reads. Views are pure: they build elements from this and nothing else.
 * @typedef {{
 *   me: {id: string, name: string, role: string},
 *   lead: boolean,
 *   sessionId: string,
 *   session: any,
 *   console: any,
 *   tables: string[],
 *   table: (id: string) => any,
 *   presence: (id: string) => any[],
 *   tableName: (id: string) => string,
 *   memberName: (id: string | undefined | null) => string,
 *   pending: (key: string) => boolean,
 *   error: (key: string) => string | undefined,
 *   ui: Record<string, any>,
 *   now: () => number,
 * }} View
 */

/**
 * A button that sends a command. `key` names it for its pending and error state and keeps
 * the same DOM node across renders.
 * @param {View} v
 * @param {{action: string, key: string, label: string, test?: string, data?: Record<string, any>,
 *   kind?: 'primary' | 'danger' | 'quiet', disabled?: boolean, type?: 'button' | 'submit', describedBy?: string}} o
 */
export function actionButton(v, o) {
  const busy = v.pending(o.key);
  const error = v.error(o.key);
  return h('button', {
    type: o.type ?? 'button',
    class: `btn ${o.kind ?? ''}${busy ? ' is-pending' : ''}`,
    'data-action': o.type === 'submit' ? false : o.action,
    'data-key': o.key,
    'data-test': o.test,
    data: o.data,
    'aria-busy': busy ? 'true' : false,
    'aria-describedby': error ? errorId(o.key) : o.describedBy,
    disabled: o.disabled,
  }, o.label, busy ? h('span', { class: 'pending-mark', 'data-test': 'pending' }, ` ${t('console.sending')}`) : null);
}

/** The element that shows a command's error, or nothing. @param {View} v @param {string} key */
export function errorLine(v, key) {
  const error = v.error(key);
  return error ? h('p', { class: 'error', id: errorId(key), 'data-test': 'error', 'data-key': `err:${key}` }, error) : null;
}

/** @param {string} key */
function errorId(key) {
  return `err-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

/**
 * A form that sends a command on submit. Its fields are read by the action handler.
 * @param {string} action @param {string} key @param {Record<string, any>} props @param {...any} children
 */
export function actionForm(action, key, props, ...children) {
  return h('form', { ...props, 'data-action': action, 'data-key': `form:${key}`, 'data-form-key': key, novalidate: true }, ...children);
}

/**
 * A labelled field. `control` is the input, select or textarea; its id is set here.
 * @param {string} id @param {string} label @param {HTMLElement} control @param {string} [hint]
 */
export function field(id, label, control, hint) {
  control.id = id;
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h('div', { class: 'field', 'data-key': `field:${id}` },
    h('label', { for: id }, label), control, hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null);
}

/** @param {string} phase */
export function phaseName(phase) {
  return phase ? t(`console.phase.${phase}`) : t('console.phase.none');
}

/**
 * A select of phases, with "follow the session" first when `follow` is given.
 * @param {string} name @param {string} selected @param {string} [follow]
 */
export function phaseSelect(name, selected, follow) {
  return h('select', { name },
    follow !== undefined ? option('', follow, selected === '') : null,
    PHASES.map((p) => option(p, phaseName(p), p === selected)));
}

/**
 * A countdown that the console's ticker keeps current (see console.js).
 * @param {View} v @param {any} timer {status, deadline, remainingMillis} @param {string} [test]
 */
export function countdown(v, timer, test) {
  if (!timer) return h('span', { class: 'countdown none', 'data-test': test }, '–');
  const status = timer.status;
  return h('span', {
    class: `countdown ${status}`,
    role: 'timer',
    'data-test': test,
    'data-countdown': '',
    'data-timer': timer.id ?? false,
    'data-status': status,
    'data-deadline': status === 'running' ? timer.deadline : false,
    'data-remaining': status === 'paused' ? timer.remainingMillis ?? 0 : false,
  }, status === 'elapsed' ? `00:00 · ${t('console.timer.up')}` : formatCountdown(remainingMillis(timer, v.now())));
}

/** Minutes and seconds of a duration, for people: 3 min 05 s. @param {number} ms */
export function duration(ms) {
  return formatCountdown(ms);
}

/** @param {number} share 0..1 */
export function percent(share) {
  return formatPercent(share, 1);
}

/** The summary of a table from the console push, or null. @param {View} v @param {string} id */
export function consoleTable(v, id) {
  return v.console?.tables?.find((/** @type {any} */ x) => x.table === id) ?? null;
}

/** The phase that counts at a table now. @param {View} v @param {string} id */
export function phaseAt(v, id) {
  const c = consoleTable(v, id);
  if (c?.phase) return { phase: c.phase, own: Boolean(v.session?.tablePhases?.[id]) };
  const p = tablePhase(v.session, id);
  return p ? { phase: p.phase, own: p.own } : null;
}

/**
 * The timer a table's members see (its round timer, else the session's phase timer), from the
 * same session stream and the same rule as the member app, so that both show the same time.
 * @param {View} v @param {string} id
 */
export function timerAt(v, id) {
  const { round, phase } = timersAt(v.session, id);
  return round ?? phase;
}

/**
 * Speaking time of each person at the table so far, counting the running turn.
 * @param {View} v @param {string} id
 * @returns {{member: string, millis: number, speaking: boolean}[]}
 */
export function speakingTimes(v, id) {
  const board = v.table(id);
  if (!board) return [];
  /** @type {Map<string, number>} */
  const times = new Map();
  for (const m of v.presence(id)) times.set(m.id, 0);
  for (const [m, ms] of Object.entries(board.spokenMillis ?? {})) times.set(m, Number(ms));
  const floor = board.floor;
  if (floor) times.set(floor.member, (times.get(floor.member) ?? 0) + Math.max(0, v.now() - floor.since));
  return [...times.entries()].map(([member, millis]) => ({ member, millis, speaking: floor?.member === member }))
    .sort((a, b) => b.millis - a.millis || v.memberName(a.member).localeCompare(v.memberName(b.member)));
}

/**
 * The fairness indicator: the console push's when there is one, else computed from
 * spokenMillis and the running turn.
 * @param {View} v @param {string} id
 * @returns {{totalMillis: number, mostHeard: string, mostHeardShare: number, leastHeard: string, leastHeardShare: number} | null}
 */
export function fairness(v, id) {
  const pushed = consoleTable(v, id)?.fairness;
  if (pushed) return pushed;
  const times = speakingTimes(v, id);
  const total = times.reduce((sum, x) => sum + x.millis, 0);
  if (total === 0 || times.length === 0) return null;
  const most = times[0];
  const least = times[times.length - 1];
  return { totalMillis: total, mostHeard: most.member, mostHeardShare: most.millis / total,
    leastHeard: least.member, leastHeardShare: least.millis / total };
}

/** @param {View} v @param {string} id */
export function fairnessView(v, id) {
  const f = fairness(v, id);
  if (!f) return h('p', { class: 'fairness muted', 'data-test': 'fairness', 'data-key': `fair:${id}` }, t('console.fairness.none'));
  // Early in a round one voice is always all of it; only call it uneven after a few minutes.
  const uneven = f.totalMillis >= 180000 && f.mostHeardShare - f.leastHeardShare >= 0.4;
  return h('p', { class: `fairness${uneven ? ' uneven' : ''}`, 'data-test': 'fairness', 'data-key': `fair:${id}`,
    'data-most': f.mostHeard, 'data-least': f.leastHeard },
  t('console.fairness.text', {
    most: v.memberName(f.mostHeard), mostShare: percent(f.mostHeardShare),
    least: v.memberName(f.leastHeard), leastShare: percent(f.leastHeardShare),
  }), uneven ? h('strong', {}, ` ${t('console.fairness.uneven')}`) : null);
}

/** The label of a proposal or cluster of a table's board. @param {any} board @param {string} item */
export function itemLabel(board, item) {
  const p = board?.proposals?.[item];
  if (p) return p.title;
  const c = board?.clusters?.[item];
  if (c) return t('console.clusterLabel', { name: c.name });
  return item;
}

/**
 * The overview card of one table: phase, timer, who is here, what was written, hands, speaker,
 * open votes and the fairness indicator, with a table phase control.
 * @param {View} v @param {string} id @param {boolean} [withOpen] a button that opens the table's details
 */
export function tableCard(v, id, withOpen = false) {
  const c = consoleTable(v, id) ?? {};
  const board = v.table(id);
  const present = v.presence(id);
  const online = c.online ?? present.filter((m) => m.online).length;
  const inRoom = c.inRoom ?? present.filter((m) => m.online && m.device === 'room').length;
  const remote = c.remote ?? present.filter((m) => m.online && m.device === 'remote').length;
  const members = c.members ?? present.length;
  const phase = phaseAt(v, id);
  const timer = timerAt(v, id);
  const openVotes = c.votes ?? Object.values(board?.votes ?? {}).filter((x) => x.status === 'open')
    .map((x) => ({ vote: x.id, method: x.method, ballots: x.ballotCount }));
  const hands = c.hands ?? board?.hands?.length ?? 0;
  const speaker = c.speaker ?? board?.floor?.member;
  const own = v.session?.tablePhases?.[id] ?? '';
  const selected = v.ui.selectedTable === id;
  return h('article', { class: `table-card${selected ? ' selected' : ''}`, 'data-test': 'console-table', 'data-id': id, 'data-key': `card:${id}`,
    'aria-labelledby': `card-h-${id}` },
  h('h3', { id: `card-h-${id}` }, v.tableName(id)),
  h('dl', { class: 'facts' },
    h('div', {}, h('dt', {}, t('console.card.phase')),
      h('dd', { 'data-test': 'table-phase', 'data-phase': phase?.phase ?? '' },
        phase ? phaseName(phase.phase) : t('console.phase.notStarted'),
        phase?.own ? h('span', { class: 'tag' }, t('console.card.ownPhase')) : null)),
    h('div', {}, h('dt', {}, t('console.card.timer')), h('dd', {}, countdown(v, timer, 'table-countdown'),
      timer ? h('span', { class: 'muted', 'data-test': 'table-timer-label' },
        ` ${timer.label ?? t(timer.table ? 'console.timer.round' : 'console.timer.phaseTimer')}`) : null,
      timer?.status === 'paused' ? h('span', { class: 'tag' }, t('console.timer.paused')) : null)),
    h('div', {}, h('dt', {}, t('console.card.online')),
      h('dd', { 'data-test': 'table-online', 'data-online': online, 'data-members': members },
        t('console.card.onlineText', { online, members, inRoom, remote }))),
    h('div', {}, h('dt', {}, t('console.card.written')),
      h('dd', {}, t('console.card.writtenText', { proposals: c.proposals ?? countOpen(board), comments: c.comments ?? countComments(board) }))),
    h('div', {}, h('dt', {}, t('console.card.hands')), h('dd', { 'data-test': 'table-hands', 'data-hands': hands }, String(hands))),
    h('div', {}, h('dt', {}, t('console.card.speaker')), h('dd', { 'data-test': 'table-speaker' }, speaker ? v.memberName(speaker) : '–')),
    h('div', {}, h('dt', {}, t('console.card.votes')), h('dd', { 'data-test': 'table-votes', 'data-open': openVotes.length },
      openVotes.length === 0 ? t('console.card.noVotes')
        : openVotes.map((/** @type {any} */ x) => h('span', { class: 'vote-progress', 'data-vote': x.vote },
          t('console.card.voteProgress', { method: t(`console.method.${x.method}`), ballots: x.ballots,
            electorate: x.electorate ?? members })))))),
  fairnessView(v, id),
  actionForm('setTablePhase', `tablePhase:${id}`, { class: 'inline-form', 'data-table': id },
    field(`tp-${id}`, t('console.card.setPhase'), phaseSelect('phase', own, t('console.phase.followSession'))),
    actionButton(v, { action: 'setTablePhase', key: `tablePhase:${id}`, label: t('console.card.setPhaseSubmit'),
      test: 'set-table-phase', type: 'submit' })),
  errorLine(v, `tablePhase:${id}`),
  withOpen ? h('button', { type: 'button', class: 'btn quiet', 'data-action': 'selectTable', 'data-table': id,
    'data-key': `open:${id}`, 'data-test': 'open-table', 'aria-pressed': selected ? 'true' : 'false' },
  t('console.card.open', { table: v.tableName(id) })) : null);
}

/** @param {any} board */
function countOpen(board) {
  return Object.values(board?.proposals ?? {}).filter((p) => p.status === 'open').length;
}

/** @param {any} board */
function countComments(board) {
  return Object.values(board?.comments ?? {}).filter((c) => !c.hidden && board.proposals?.[c.proposal]?.status === 'open').length;
}

/**
 * A section with a heading; `id` is the target of the navigation.
 * @param {string} id @param {string} title @param {...any} children
 */
export function section(id, title, ...children) {
  return h('section', { id, class: 'panel', 'aria-labelledby': `${id}-h`, 'data-key': `sec:${id}` },
    h('h2', { id: `${id}-h`, tabindex: '-1' }, title), ...children);
}

/** The timers that are running or paused, for these tables (and the session's when `all`). @param {View} v @param {string[]} tables @param {boolean} all */
export function liveTimers(v, tables, all) {
  return Object.values(v.session?.timers ?? {})
    .filter((x) => (x.status === 'running' || x.status === 'paused') && (all || (x.table && tables.includes(x.table))));
}

/**
 * Starting timers and the controls of those that run: the lead's for every scope and table,
 * a table facilitator's for round and speaker timers at their tables.
 * @param {View} v
 */
export function timersView(v) {
  const tables = v.tables;
  const scopes = v.lead ? ['phase', 'round', 'speaker'] : ['round', 'speaker'];
  const timers = liveTimers(v, tables, v.lead);
  const defaultTable = v.lead ? '' : (v.ui.selectedTable ?? tables[0] ?? '');
  return [
    actionForm('startTimer', 'startTimer', { class: 'grid-form' },
      field('timer-scope', t('console.timer.scope'), h('select', { name: 'scope', 'data-test': 'timer-scope' },
        scopes.map((s) => option(s, t(`console.timer.scope.${s}`), s === 'round')))),
      field('timer-table', t('console.timer.table'), h('select', { name: 'table', 'data-test': 'timer-table' },
        v.lead ? option('', t('console.timer.wholeSession'), true) : null,
        tables.map((id) => option(id, v.tableName(id), id === defaultTable)))),
      field('timer-minutes', t('console.timer.minutes'), h('input', { type: 'number', name: 'minutes', min: '0', max: '1440', step: '1',
        inputmode: 'numeric', 'data-test': 'timer-minutes' })),
      field('timer-seconds', t('console.timer.seconds'), h('input', { type: 'number', name: 'seconds', min: '0', max: '86400', step: '1',
        inputmode: 'numeric', 'data-test': 'timer-seconds' })),
      field('timer-label', t('console.timer.label'), h('input', { type: 'text', name: 'label', 'data-limit': 'timerLabel', 'data-test': 'timer-label' })),
      h('div', { class: 'form-actions' }, actionButton(v, { action: 'startTimer', key: 'startTimer', label: t('console.timer.start'),
        test: 'timer-start', type: 'submit', kind: 'primary' }))),
    errorLine(v, 'startTimer'),
    timers.length === 0 ? h('p', { class: 'muted', 'data-key': 'no-timers' }, t('console.timer.none'))
      : h('ul', { class: 'timer-list', 'data-key': 'timer-list' }, timers.map((x) => timerRow(v, x))),
  ];
}

/** @param {View} v @param {any} x */
function timerRow(v, x) {
  const where = x.table ? v.tableName(x.table) : t('console.timer.wholeSession');
  const keys = ['pauseTimer', 'resumeTimer', 'extendTimer', 'cancelTimer'].map((a) => `${a}:${x.id}`);
  return h('li', { class: 'timer-row', 'data-test': 'timer', 'data-id': x.id, 'data-key': `timer:${x.id}`, 'data-timer-row': x.id },
    h('div', { class: 'timer-what' },
      h('strong', {}, x.label ?? t(`console.timer.scope.${x.scope}`)), ' ',
      h('span', { class: 'muted' }, `${t(`console.timer.scope.${x.scope}`)} · ${where}`), ' ',
      countdown(v, x, 'timer-countdown'),
      x.status === 'paused' ? h('span', { class: 'tag' }, t('console.timer.paused')) : null),
    h('div', { class: 'timer-controls' },
      x.status === 'running'
        ? actionButton(v, { action: 'pauseTimer', key: keys[0], label: t('console.timer.pause'), test: 'timer-pause', data: { timer: x.id } })
        : actionButton(v, { action: 'resumeTimer', key: keys[1], label: t('console.timer.resume'), test: 'timer-resume', data: { timer: x.id } }),
      h('span', { class: 'extend' },
        h('label', { for: `extend-${x.id}` }, t('console.timer.extendBy')),
        h('input', { id: `extend-${x.id}`, type: 'number', min: '1', max: '600', step: '1', value: '1', name: 'extendMinutes',
          class: 'short', 'data-key': `extend-in:${x.id}`, 'data-test': 'timer-extend-minutes' }),
        actionButton(v, { action: 'extendTimer', key: keys[2], label: t('console.timer.extend'), test: 'timer-extend', data: { timer: x.id } })),
      actionButton(v, { action: 'cancelTimer', key: keys[3], label: t('console.timer.cancel'), test: 'timer-cancel', data: { timer: x.id }, kind: 'danger' })),
    keys.map((k) => errorLine(v, k)));
}

/**
 * Picks which of several tables the details show.
 * @param {View} v @param {string} current
 */
export function tablePicker(v, current) {
  if (v.tables.length < 2) return null;
  return h('div', { class: 'picker', role: 'group', 'aria-label': t('console.pickTable'), 'data-key': 'picker' },
    v.tables.map((id) => h('button', { type: 'button', class: `btn quiet${id === current ? ' current' : ''}`, 'data-action': 'selectTable',
      'data-table': id, 'data-key': `pick:${id}`, 'data-test': 'pick-table', 'aria-pressed': id === current ? 'true' : 'false' }, v.tableName(id))));
}
