// @ts-check
// One table in detail, for whoever facilitates it (a table facilitator, or the lead at any
// table): the speaking queue with speaking times, votes, moderation and the video-call link.

import { h, option } from './console-dom.js';
import { t } from './i18n.js';
import { LIMITS } from './contract.js';
import {
  actionButton, actionForm, errorLine, fairnessView, field, itemLabel, percent, speakingTimes, duration, consoleTable,
} from './console-common.js';

/** @typedef {import('./console-common.js').View} View */

/** The details of table `id`. @param {View} v @param {string} id */
export function tableDetails(v, id) {
  const board = v.table(id);
  if (!board) return [h('p', { class: 'muted', 'data-key': `wait:${id}` }, t('console.table.loading'))];
  return [
    h('div', { class: 'columns', 'data-key': `cols:${id}` },
      h('div', { class: 'col' }, queueView(v, id, board), videoLinkView(v, id, board)),
      h('div', { class: 'col' }, votesView(v, id, board))),
    moderationView(v, id, board),
  ];
}

/** @param {View} v @param {string} id @param {any} board */
function queueView(v, id, board) {
  const hands = /** @type {string[]} */ (board.hands ?? []);
  const floor = board.floor;
  const times = speakingTimes(v, id);
  const spoken = new Map(times.map((x) => [x.member, x.millis]));
  return h('section', { class: 'sub', 'aria-labelledby': `queue-h-${id}`, 'data-key': `queue-sec:${id}` },
    h('h3', { id: `queue-h-${id}` }, t('console.queue.title')),
    h('div', { class: 'speaker-box', 'data-key': 'speaker-box' },
      h('p', { 'data-test': 'speaker', 'data-member': floor?.member ?? '' },
        floor ? [t('console.queue.speaking', { name: v.memberName(floor.member) }), ' ',
          h('span', { class: 'elapsed', 'data-since': floor.since, 'data-base': 0 }, duration(Math.max(0, v.now() - floor.since)))]
          : t('console.queue.nobody')),
      actionButton(v, { action: 'endTurn', key: `endTurn:${id}`, label: t('console.queue.endTurn'), test: 'end-turn',
        data: { table: id }, disabled: !floor })),
    errorLine(v, `endTurn:${id}`),
    hands.length === 0 ? h('p', { class: 'muted', 'data-key': 'queue-empty' }, t('console.queue.empty')) : null,
    h('ol', { class: 'queue', 'data-test': 'queue', 'aria-label': t('console.queue.list'), 'data-key': 'queue-list' },
      hands.map((m, i) => h('li', { 'data-test': 'queue-member', 'data-id': m, 'data-key': `q:${m}` },
        h('span', { class: 'queue-name' }, v.memberName(m)),
        h('span', { class: 'muted' }, t('console.queue.spoken', { time: duration(spoken.get(m) ?? 0) })),
        h('span', { class: 'queue-controls' },
          actionButton(v, { action: 'giveFloorTo', key: `floorTo:${id}:${m}`, label: t('console.queue.giveFloorTo'), test: 'give-floor-member',
            data: { table: id, member: m } }),
          iconButton(v, 'queueUp', `up:${id}:${m}`, '↑', t('console.queue.up', { name: v.memberName(m) }), 'queue-up', { table: id, member: m }, i === 0),
          iconButton(v, 'queueDown', `down:${id}:${m}`, '↓', t('console.queue.down', { name: v.memberName(m) }), 'queue-down', { table: id, member: m }, i === hands.length - 1),
          actionButton(v, { action: 'lowerHand', key: `lower:${id}:${m}`, label: t('console.queue.lower'), test: 'lower-hand-member',
            data: { table: id, member: m }, kind: 'quiet' })),
        errorLine(v, `floorTo:${id}:${m}`), errorLine(v, `lower:${id}:${m}`)))),
    h('div', { class: 'button-row', 'data-key': 'queue-actions' },
      actionButton(v, { action: 'giveFloor', key: `giveFloor:${id}`, label: t('console.queue.giveFloor'), test: 'give-floor',
        data: { table: id }, kind: 'primary', disabled: hands.length === 0 }),
      actionButton(v, { action: 'favourLeastHeard', key: `favour:${id}`, label: t('console.queue.favour'), test: 'favour-least-heard',
        data: { table: id }, disabled: hands.length < 2 })),
    errorLine(v, `giveFloor:${id}`), errorLine(v, `favour:${id}`), errorLine(v, `reorder:${id}`),
    fairnessView(v, id),
    speakingTimesView(v, id, times));
}

/**
 * @param {View} v @param {string} action @param {string} key @param {string} glyph @param {string} label
 * @param {string} test @param {Record<string, string>} data @param {boolean} disabled
 */
function iconButton(v, action, key, glyph, label, test, data, disabled) {
  return h('button', { type: 'button', class: 'btn icon', 'data-action': action, 'data-key': key, 'data-test': test, data,
    'aria-label': label, title: label, disabled, 'aria-busy': v.pending(`reorder:${data.table}`) ? 'true' : false },
  h('span', { 'aria-hidden': 'true' }, glyph));
}

/** @param {View} v @param {string} id @param {{member: string, millis: number, speaking: boolean}[]} times */
function speakingTimesView(v, id, times) {
  const total = times.reduce((s, x) => s + x.millis, 0);
  if (times.length === 0) return null;
  return h('details', { class: 'speaking-times', 'data-key': `times:${id}`, 'data-test': 'speaking-times' },
    h('summary', {}, t('console.queue.times')),
    h('table', {},
      h('caption', { class: 'visually-hidden' }, t('console.queue.times')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('console.queue.member')), h('th', { scope: 'col' }, t('console.queue.time')),
        h('th', { scope: 'col' }, t('console.queue.share')))),
      h('tbody', {}, times.map((x) => h('tr', { 'data-key': `time:${x.member}`, 'data-member': x.member },
        h('th', { scope: 'row' }, v.memberName(x.member), x.speaking ? h('span', { class: 'tag' }, t('console.queue.now')) : null),
        h('td', {}, duration(x.millis)),
        h('td', {}, total > 0 ? percent(x.millis / total) : '0 %', h('span', { class: 'share-bar', 'aria-hidden': 'true' },
          h('span', { class: `bar-fill w${Math.round((total > 0 ? x.millis / total : 0) * 20) * 5}` }))))))));
}

/** @param {View} v @param {string} id @param {any} board */
function votesView(v, id, board) {
  const votes = Object.values(board.votes ?? {}).sort((a, b) => num(b.id) - num(a.id));
  const items = [
    ...Object.values(board.proposals ?? {}).filter((p) => p.status === 'open').map((p) => ({ id: p.id, label: p.title })),
    ...Object.values(board.clusters ?? {}).map((c) => ({ id: c.id, label: t('console.clusterLabel', { name: c.name }) })),
  ];
  const method = v.ui.voteMethod?.[id] ?? 'dots';
  const electorate = consoleTable(v, id)?.members;
  return h('section', { class: 'sub', 'aria-labelledby': `votes-h-${id}`, 'data-key': `votes-sec:${id}` },
    h('h3', { id: `votes-h-${id}` }, t('console.votes.title')),
    actionForm('openVote', `openVote:${id}`, { class: 'stack-form', 'data-table': id },
      field(`vm-${id}`, t('console.votes.method'), h('select', { name: 'method', 'data-test': 'vote-method', 'data-ui': 'voteMethod', 'data-table': id },
        ['dots', 'ranking', 'scale'].map((m) => option(m, t(`console.method.${m}`), m === method)))),
      method === 'dots' ? h('div', { class: 'row', 'data-key': 'dots-params' },
        field(`vd-${id}`, t('console.votes.dotsPerMember'), h('input', { type: 'number', name: 'dotsPerMember', min: '1', max: String(LIMITS.dotsPerMember), value: String(LIMITS.defaultDotsPerMember),
          class: 'short', 'data-test': 'vote-dots' })),
        field(`vc-${id}`, t('console.votes.capPerItem'), h('input', { type: 'number', name: 'capPerItem', min: '1', max: String(LIMITS.dotsPerMember), value: String(LIMITS.defaultCapPerItem),
          class: 'short', 'data-test': 'vote-cap' }))) : null,
      h('fieldset', { class: 'checks', 'data-key': 'vote-items' },
        h('legend', {}, t('console.votes.items')),
        items.length === 0 ? h('p', { class: 'muted' }, t('console.votes.noItems'))
          : items.map((it) => h('label', { class: 'check', 'data-key': `vi:${it.id}` },
            h('input', { type: 'checkbox', name: 'items', value: it.id, 'data-test': 'vote-item' }), ' ', it.label))),
      actionButton(v, { action: 'openVote', key: `openVote:${id}`, label: t('console.votes.open'), test: 'open-vote', type: 'submit',
        kind: 'primary', disabled: items.length === 0 })),
    errorLine(v, `openVote:${id}`),
    votes.length === 0 ? h('p', { class: 'muted', 'data-key': 'no-votes' }, t('console.votes.none')) : null,
    h('ul', { class: 'vote-list', 'data-key': 'vote-list' }, votes.map((x) => h('li', {
      'data-test': 'console-vote', 'data-id': x.id, 'data-status': x.status, 'data-key': `vote:${x.id}` },
    h('p', {}, h('strong', {}, t(`console.method.${x.method}`)), ' · ',
      x.status === 'open' ? t('console.votes.statusOpen') : x.published ? t('console.votes.statusPublished') : t('console.votes.statusClosed'),
      ' · ', h('span', { 'data-test': 'ballot-count', 'aria-live': x.status === 'open' ? 'polite' : 'off' },
        electorate !== undefined ? t('console.votes.ballotsOf', { ballots: x.ballotCount ?? 0, electorate })
          : t('console.votes.ballots', { ballots: x.ballotCount ?? 0 }))),
    h('p', { class: 'muted' }, x.items.map((/** @type {string} */ it) => itemLabel(board, it)).join(' · ')),
    x.method === 'dots' && x.dotsPerMember ? h('p', { class: 'muted' }, t('console.votes.dotsParams', { dots: x.dotsPerMember, cap: x.capPerItem ?? x.dotsPerMember })) : null,
    h('div', { class: 'button-row' },
      x.status === 'open' ? actionButton(v, { action: 'closeVote', key: `closeVote:${id}:${x.id}`, label: t('console.votes.close'), test: 'close-vote',
        data: { table: id, vote: x.id } }) : null,
      x.status === 'closed' && !x.published ? actionButton(v, { action: 'publishResult', key: `publish:${id}:${x.id}`,
        label: t('console.votes.publish'), test: 'publish-result', data: { table: id, vote: x.id }, kind: 'primary' }) : null),
    errorLine(v, `closeVote:${id}:${x.id}`), errorLine(v, `publish:${id}:${x.id}`),
    x.result ? resultView(board, x) : null))));
}

/** @param {string} id */
function num(id) {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

/** A closed vote's result. @param {any} board @param {any} vote */
export function resultView(board, vote) {
  const r = vote.result;
  const label = (/** @type {string} */ it) => itemLabel(board, it);
  /** @type {any[]} */
  let body = [];
  if (r.method === 'dots' && r.dots) {
    body = [h('ol', { class: 'result-list' }, (r.dots.order ?? []).flat().map((/** @type {string} */ it) =>
      h('li', { 'data-item': it }, `${label(it)}: ${t('console.result.dots', { n: r.dots.totals?.[it] ?? 0 })}`)))];
  } else if (r.method === 'ranking' && r.ranking) {
    body = [
      h('p', {}, t('console.result.schulze')),
      h('ol', { class: 'result-list' }, (r.ranking.schulze ?? []).map((/** @type {string[]} */ tier) =>
        h('li', {}, tier.map(label).join(' = ')))),
      h('p', {}, t('console.result.borda')),
      h('ol', { class: 'result-list' }, (r.ranking.borda ?? []).flat().map((/** @type {string} */ it) =>
        h('li', { 'data-item': it }, `${label(it)}: ${t('console.result.points', { n: r.ranking.bordaScores?.[it] ?? 0 })}`))),
    ];
  } else if (r.method === 'scale' && r.scale) {
    body = [h('ul', { class: 'result-list' }, r.scale.map((/** @type {any} */ x) =>
      h('li', { 'data-item': x.item }, `${label(x.item)}: ${t('console.result.scale', {
        mean: x.mean.toLocaleString(undefined, { maximumFractionDigits: 2 }), agree: percent(x.shareAgreeing ?? 0),
        distribution: (x.distribution ?? []).join(' / '), ballots: x.ballots })}`)))];
  }
  return h('div', { class: 'result', 'data-test': 'result', 'data-vote': vote.id, 'data-key': `res:${vote.id}` },
    h('p', {}, h('strong', {}, t('console.result.title', { ballots: r.ballots ?? 0 }))), ...body);
}

/** @param {View} v @param {string} id @param {any} board */
function moderationView(v, id, board) {
  const proposals = Object.values(board.proposals ?? {}).sort((a, b) => num(a.id) - num(b.id));
  const comments = Object.values(board.comments ?? {});
  return h('section', { class: 'sub', 'aria-labelledby': `mod-h-${id}`, 'data-key': `mod-sec:${id}` },
    h('h3', { id: `mod-h-${id}` }, t('console.mod.title')),
    h('p', { class: 'hint' }, t('console.mod.hint')),
    proposals.length === 0 ? h('p', { class: 'muted' }, t('console.mod.none')) : null,
    h('ul', { class: 'mod-list', 'data-key': 'mod-list' }, proposals.map((p) => {
      const hidden = p.status === 'hidden';
      return h('li', { class: `mod-item${hidden ? ' is-hidden' : ''}`, 'data-test': 'mod-proposal', 'data-id': p.id, 'data-key': `mp:${p.id}` },
        modRow(v, id, p.id, hidden, p.title, p.text, v.memberName(p.author), p.status, board.moderation?.[p.id]),
        h('ul', { class: 'mod-comments' }, comments.filter((c) => c.proposal === p.id).map((c) =>
          h('li', { class: `mod-item${c.hidden ? ' is-hidden' : ''}`, 'data-test': 'mod-comment', 'data-id': c.id, 'data-key': `mc:${c.id}` },
            modRow(v, id, c.id, Boolean(c.hidden), t(`console.commentKind.${c.kind}`), c.text, v.memberName(c.author),
              c.hidden ? 'hidden' : 'open', board.moderation?.[c.id])))));
    })));
}

/**
 * @param {View} v @param {string} table @param {string} item @param {boolean} hidden @param {string} title
 * @param {string} text @param {string} author @param {string} status @param {any} record
 */
function modRow(v, table, item, hidden, title, text, author, status, record) {
  const key = `${hidden ? 'restore' : 'hide'}:${table}:${item}`;
  const reasonId = `reason-${table}-${item}`;
  return h('div', { class: 'mod-row', 'data-mod-row': item },
    h('div', { class: 'mod-text' },
      h('p', {}, h('strong', {}, title), ' ', h('span', { class: 'muted' }, `– ${author}`),
        status !== 'open' ? h('span', { class: `tag ${status}` }, t(`console.itemStatus.${status}`)) : null),
      h('p', { class: 'body-text' }, text),
      record?.reason ? h('p', { class: 'muted' }, t(hidden ? 'console.mod.hiddenBecause' : 'console.mod.restoredBecause', { reason: record.reason })) : null),
    h('div', { class: 'mod-controls' },
      h('label', { for: reasonId }, t('console.mod.reason')),
      h('input', { id: reasonId, type: 'text', name: 'reason', 'data-limit': 'reason', 'data-test': 'reason', 'data-key': `rin:${item}` }),
      actionButton(v, { action: hidden ? 'restore' : 'hide', key, label: hidden ? t('console.mod.restore') : t('console.mod.hide'),
        test: hidden ? 'restore' : 'hide', data: { table, item }, kind: hidden ? undefined : 'danger' })),
    errorLine(v, key));
}

/** @param {View} v @param {string} id @param {any} board */
function videoLinkView(v, id, board) {
  const url = typeof board.videoLink === 'string' ? board.videoLink : '';
  const safe = /^https:\/\//i.test(url);
  return h('section', { class: 'sub', 'aria-labelledby': `video-h-${id}`, 'data-key': `video-sec:${id}` },
    h('h3', { id: `video-h-${id}` }, t('console.video.title')),
    url ? h('p', {}, t('console.video.current'), ' ',
      safe ? h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', 'data-test': 'video-link' }, url) : h('span', {}, url))
      : h('p', { class: 'muted' }, t('console.video.none')),
    actionForm('setVideoLink', `video:${id}`, { class: 'inline-form', 'data-table': id },
      field(`video-${id}`, t('console.video.url'), h('input', { type: 'url', name: 'url', 'data-limit': 'url', placeholder: 'https://',
        'data-test': 'video-link-input', inputmode: 'url', autocomplete: 'off' }), t('console.video.hint')),
      actionButton(v, { action: 'setVideoLink', key: `video:${id}`, label: t('console.video.set'), test: 'video-link-submit', type: 'submit' })),
    url ? actionButton(v, { action: 'clearVideoLink', key: `videoClear:${id}`, label: t('console.video.clear'), test: 'video-link-clear',
      data: { table: id }, kind: 'quiet' }) : null,
    errorLine(v, `video:${id}`), errorLine(v, `videoClear:${id}`));
}
