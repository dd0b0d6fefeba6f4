// @ts-check
// The lead facilitator's parts of the console: the session's agenda and phases, announcements,
// moving members between tables, and the plenary (drafts, the final vote, the report).

import { h, option } from './console-dom.js';
import { t, formatNumber, formatPercent } from './i18n.js';
import { standings } from './store.js';
import { actionButton, actionForm, errorLine, field, phaseName, phaseSelect, PHASES, percent } from './console-common.js';

/** @typedef {import('./console-common.js').View} View */

/** @param {View} v */
export function agendaView(v) {
  const s = v.session;
  const agenda = s?.agenda ?? [];
  const index = s?.phaseIndex ?? -1;
  const current = index >= 0 ? agenda[index] : null;
  const draft = /** @type {any[]} */ (v.ui.agendaDraft ?? []);
  return [
    h('div', { class: 'current-phase', 'data-key': 'current-phase' },
      h('p', { 'data-test': 'session-phase', 'data-index': index, 'data-phase': current?.phase ?? '' },
        current ? t('console.agenda.current', { n: index + 1, count: agenda.length, title: current.title, phase: phaseName(current.phase) })
          : agenda.length ? t('console.agenda.notStarted') : t('console.agenda.empty')),
      h('div', { class: 'button-row' },
        actionButton(v, { action: 'startAgenda', key: 'startAgenda', label: t('console.agenda.start'), test: 'agenda-start', kind: 'primary',
          disabled: index >= 0 || agenda.length === 0 }),
        actionButton(v, { action: 'goBackPhase', key: 'goBackPhase', label: t('console.agenda.back'), test: 'agenda-back', disabled: index <= 0 }),
        actionButton(v, { action: 'advancePhase', key: 'advancePhase', label: t('console.agenda.advance'), test: 'agenda-advance', kind: 'primary',
          disabled: index < 0 || index >= agenda.length - 1 })),
      errorLine(v, 'startAgenda'), errorLine(v, 'goBackPhase'), errorLine(v, 'advancePhase')),
    agenda.length ? h('ol', { class: 'agenda-list', 'data-key': 'agenda-list', 'data-test': 'agenda' }, agenda.map((item, i) =>
      h('li', { class: i === index ? 'current' : i < index ? 'done' : '', 'aria-current': i === index ? 'step' : false, 'data-key': `ag:${i}` },
        h('strong', {}, item.title), ' ',
        h('span', { class: 'muted' }, `${phaseName(item.phase)} · ${item.seconds ? t('console.agenda.minutes', { n: Math.round(item.seconds / 6) / 10 }) : t('console.agenda.open')}${item.autoAdvance ? ` · ${t('console.agenda.auto')}` : ''}`)))) : null,
    h('details', { class: 'editor', 'data-key': 'agenda-editor', 'data-test': 'agenda-editor' },
      h('summary', {}, t('console.agenda.edit')),
      actionForm('setAgenda', 'setAgenda', { class: 'agenda-form' },
        h('table', { class: 'agenda-table' },
          h('caption', { class: 'visually-hidden' }, t('console.agenda.edit')),
          h('thead', {}, h('tr', {},
            h('th', { scope: 'col' }, t('console.agenda.phase')), h('th', { scope: 'col' }, t('console.agenda.itemTitle')),
            h('th', { scope: 'col' }, t('console.agenda.length')), h('th', { scope: 'col' }, t('console.agenda.autoAdvance')),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, t('console.agenda.rowActions'))))),
          h('tbody', {}, draft.map((item, i) => {
            const n = i + 1;
            return h('tr', { 'data-key': `row:${item.uid}`, 'data-test': 'agenda-item' },
              h('td', {}, labelled(`ap-${item.uid}`, t('console.agenda.phaseOf', { n }),
                withSync(phaseSelectBound(item.phase, i)))),
              h('td', {}, labelled(`at-${item.uid}`, t('console.agenda.titleOf', { n }),
                h('input', { type: 'text', 'data-limit': 'agendaTitle', value: item.title, 'data-bind': `agenda:${i}:title`, 'data-sync': '',
                  'data-test': 'agenda-title', required: true }))),
              h('td', {}, labelled(`am-${item.uid}`, t('console.agenda.minutesOf', { n }),
                h('input', { type: 'number', min: '0', max: '1440', step: 'any', class: 'short', value: item.minutes,
                  'data-bind': `agenda:${i}:minutes`, 'data-sync': '', 'data-test': 'agenda-minutes' }))),
              h('td', {}, labelled(`aa-${item.uid}`, t('console.agenda.autoOf', { n }),
                h('input', { type: 'checkbox', checked: item.autoAdvance, 'data-bind': `agenda:${i}:autoAdvance`, 'data-sync': '',
                  'data-test': 'agenda-auto' }))),
              h('td', { class: 'row-actions' },
                rowButton('agendaUp', i, '↑', t('console.agenda.up', { n }), i === 0),
                rowButton('agendaDown', i, '↓', t('console.agenda.down', { n }), i === draft.length - 1),
                rowButton('agendaRemove', i, '✕', t('console.agenda.remove', { n }), false)));
          }))),
        h('div', { class: 'button-row' },
          h('button', { type: 'button', class: 'btn', 'data-action': 'agendaAdd', 'data-key': 'agendaAdd', 'data-test': 'agenda-add' },
            t('console.agenda.add')),
          h('button', { type: 'button', class: 'btn quiet', 'data-action': 'agendaReset', 'data-key': 'agendaReset' }, t('console.agenda.reset')),
          actionButton(v, { action: 'setAgenda', key: 'setAgenda', label: t('console.agenda.save'), test: 'agenda-save', type: 'submit', kind: 'primary',
            disabled: draft.length === 0 }))),
      errorLine(v, 'setAgenda')),
  ];
}

/** @param {HTMLElement} el */
function withSync(el) {
  el.setAttribute('data-sync', '');
  return el;
}

/** @param {string} phase @param {number} i */
function phaseSelectBound(phase, i) {
  const select = phaseSelect('phase', phase);
  select.setAttribute('data-bind', `agenda:${i}:phase`);
  select.setAttribute('data-test', 'agenda-phase');
  return select;
}

/** @param {string} id @param {string} label @param {HTMLElement} control */
function labelled(id, label, control) {
  control.id = id;
  return [h('label', { for: id, class: 'visually-hidden' }, label), control];
}

/** @param {string} action @param {number} i @param {string} glyph @param {string} label @param {boolean} disabled */
function rowButton(action, i, glyph, label, disabled) {
  return h('button', { type: 'button', class: 'btn icon', 'data-action': action, 'data-index': i, 'data-key': `${action}:${i}`,
    'aria-label': label, title: label, disabled }, h('span', { 'aria-hidden': 'true' }, glyph));
}

/** A fresh agenda draft from the session's agenda (or one item when there is none). @param {any[]} agenda @param {() => number} uid */
export function agendaDraftFrom(agenda, uid) {
  const items = agenda.length ? agenda : [{ phase: PHASES[0], title: '', seconds: 0, autoAdvance: false }];
  return items.map((x) => ({ uid: uid(), phase: x.phase, title: x.title, minutes: x.seconds ? String(Math.round(x.seconds / 6) / 10) : '0',
    autoAdvance: Boolean(x.autoAdvance) }));
}

/** @param {View} v */
export function announceView(v) {
  const list = /** @type {any[]} */ (v.session?.announcements ?? []);
  return [
    actionForm('announce', 'announce', { class: 'stack-form' },
      field('announce-text', t('console.announce.text'), h('textarea', { name: 'text', rows: '3', 'data-limit': 'announcement', 'data-test': 'announce-text' })),
      h('fieldset', { class: 'checks' },
        h('legend', {}, t('console.announce.tables')),
        h('p', { class: 'hint' }, t('console.announce.tablesHint')),
        v.tables.map((id) => h('label', { class: 'check', 'data-key': `at:${id}` },
          h('input', { type: 'checkbox', name: 'tables', value: id, 'data-test': 'announce-table' }), ' ', v.tableName(id)))),
      actionButton(v, { action: 'announce', key: 'announce', label: t('console.announce.submit'), test: 'announce-submit', type: 'submit', kind: 'primary' })),
    errorLine(v, 'announce'),
    list.length ? h('ol', { class: 'announcements', reversed: true, 'data-key': 'ann-list' }, [...list].reverse().slice(0, 10).map((a) =>
      h('li', { 'data-key': `ann:${a.id}`, 'data-test': 'console-announcement', 'data-id': a.id },
        h('span', { class: 'body-text' }, a.text), ' ',
        h('span', { class: 'muted' }, `${time(a.at)} · ${a.tables?.length ? a.tables.map((/** @type {string} */ x) => v.tableName(x)).join(', ') : t('console.announce.all')}`))))
      : null,
  ];
}

/** @param {number} at */
function time(at) {
  return at ? new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' }) : '';
}

/** @param {View} v */
export function moveView(v) {
  /** @type {{id: string, name: string, table: string}[]} */
  const people = [];
  for (const table of v.tables) {
    for (const m of v.presence(table)) {
      if (m.id !== v.me.id) people.push({ id: m.id, name: m.name, table });
    }
  }
  people.sort((a, b) => a.name.localeCompare(b.name));
  return [
    actionForm('moveMember', 'moveMember', { class: 'grid-form' },
      field('move-member', t('console.move.member'), h('select', { name: 'member', 'data-test': 'move-member' },
        option('', t('console.move.choose'), true),
        people.map((p) => option(p.id, `${p.name} (${v.tableName(p.table)})`)))),
      field('move-table', t('console.move.table'), h('select', { name: 'toTable', 'data-test': 'move-table' },
        option('', t('console.move.choose'), true),
        v.tables.map((id) => option(id, v.tableName(id))))),
      h('div', { class: 'form-actions' },
        actionButton(v, { action: 'moveMember', key: 'moveMember', label: t('console.move.submit'), test: 'move-submit', type: 'submit', kind: 'primary' }))),
    errorLine(v, 'moveMember'),
    h('h3', { 'data-key': 'reissue-title' }, t('console.reissue.title')),
    h('p', { class: 'hint', id: 'reissue-help', 'data-key': 'reissue-help' }, t('console.reissue.help')),
    actionForm('reissue', 'reissue', { class: 'grid-form' },
      field('reissue-member', t('console.reissue.member'), h('select', { name: 'member', 'data-test': 'reissue-member' },
        option('', t('console.move.choose'), true),
        people.map((p) => option(p.id, `${p.name} (${v.tableName(p.table)})`)))),
      h('div', { class: 'form-actions' },
        actionButton(v, { action: 'reissue', key: 'reissue', label: t('console.reissue.submit'), test: 'reissue-submit', type: 'submit',
          kind: 'danger', describedBy: 'reissue-help' }))),
    errorLine(v, 'reissue'),
    v.ui.reissued
      ? h('p', { class: 'reissued', 'data-test': 'reissue-result', 'data-key': 'reissue-result', role: 'status' },
        t('console.reissue.done', { name: v.ui.reissued.name, code: v.ui.reissued.code }), ' ',
        h('a', { href: v.ui.reissued.url, 'data-test': 'reissue-link', target: '_blank', rel: 'noopener noreferrer' }, t('console.reissue.link')))
      : null,
    v.ui.reissued?.qr
      ? h('img', { src: v.ui.reissued.qr, width: 176, height: 176, class: 'reissued-qr', 'data-test': 'reissue-qr', 'data-key': 'reissue-qr',
        alt: t('console.reissue.qr', { name: v.ui.reissued.name }) })
      : null,
  ];
}

/** @param {string} id */
function num(id) {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

/** @param {View} v */
export function plenaryView(v) {
  const s = v.session ?? {};
  const drafts = /** @type {any[]} */ (Object.values(s.drafts ?? {})).sort((a, b) => num(a.id) - num(b.id));
  const open = drafts.filter((d) => d.status === 'open');
  const onVote = new Set(Object.values(s.finalVotes ?? {}).filter((f) => f.status === 'open').flatMap((f) => f.drafts));
  const finals = /** @type {any[]} */ (Object.values(s.finalVotes ?? {})).sort((a, b) => num(b.id) - num(a.id));
  return [
    h('section', { class: 'sub', 'aria-labelledby': 'promote-h', 'data-key': 'promote-sec' },
      h('h3', { id: 'promote-h' }, t('console.plenary.promoteTitle')),
      h('p', { class: 'hint' }, t('console.plenary.promoteHint')),
      h('div', { class: 'promote-tables' }, v.tables.map((id) => promoteTable(v, id, promotedSources(open))))),
    h('section', { class: 'sub', 'aria-labelledby': 'drafts-h', 'data-key': 'drafts-sec' },
      h('h3', { id: 'drafts-h' }, t('console.plenary.drafts')),
      drafts.length === 0 ? h('p', { class: 'muted' }, t('console.plenary.noDrafts')) : null,
      h('ul', { class: 'draft-list', 'data-key': 'draft-list' }, drafts.map((d) => draftItem(v, d, open, onVote.has(d.id))))),
    h('section', { class: 'sub', 'aria-labelledby': 'final-h', 'data-key': 'final-sec' },
      h('h3', { id: 'final-h' }, t('console.final.title')),
      actionForm('openFinalVote', 'openFinalVote', { class: 'stack-form' },
        h('fieldset', { class: 'checks' },
          h('legend', {}, t('console.final.drafts')),
          open.length === 0 ? h('p', { class: 'muted' }, t('console.final.noOpen'))
            : open.map((d) => h('label', { class: 'check', 'data-key': `fd:${d.id}` },
              h('input', { type: 'checkbox', name: 'drafts', value: d.id, 'data-test': 'final-draft', disabled: onVote.has(d.id) }), ' ', d.title))),
        field('final-threshold', t('console.final.threshold'), h('select', { name: 'threshold', 'data-test': 'final-threshold' },
          option('0.5', t('console.final.half')), option('0.6667', t('console.final.twoThirds'), true), option('0.75', t('console.final.threeQuarters')))),
        actionButton(v, { action: 'openFinalVote', key: 'openFinalVote', label: t('console.final.open'), test: 'open-final-vote', type: 'submit',
          kind: 'primary', disabled: open.length === 0 })),
      errorLine(v, 'openFinalVote'),
      h('ul', { class: 'final-list', 'data-key': 'final-list' }, finals.map((f) => finalItem(v, f, s.drafts ?? {})))),
    h('section', { class: 'sub', 'aria-labelledby': 'report-h', 'data-key': 'report-sec' },
      h('h3', { id: 'report-h' }, t('console.report.title')),
      h('p', { 'data-test': 'report-status' }, s.reportPublished ? t('console.report.published') : t('console.report.notPublished')),
      s.reportPublished
        ? actionButton(v, { action: 'unpublishReport', key: 'unpublishReport', label: t('console.report.unpublish'), test: 'unpublish-report' })
        : actionButton(v, { action: 'publishReport', key: 'publishReport', label: t('console.report.publish'), test: 'publish-report', kind: 'primary' }),
      errorLine(v, 'publishReport'), errorLine(v, 'unpublishReport')),
  ];
}

/**
 * The proposals and clusters that are already a source of an open draft, as
 * "table:p:proposal" and "table:c:cluster".
 * @param {any[]} open @returns {Set<string>}
 */
export function promotedSources(open) {
  const out = new Set();
  for (const d of open) {
    for (const src of d.sources ?? []) {
      if (src.proposal) out.add(`${src.table}:p:${src.proposal}`);
      if (src.cluster) out.add(`${src.table}:c:${src.cluster}`);
    }
  }
  return out;
}

/** The "already promoted" mark beside a promote button, or null. @param {boolean} promoted @param {string} markId */
function promotedMark(promoted, markId) {
  return promoted ? h('span', { class: 'tag promoted', id: markId, 'data-test': 'already-promoted' }, t('plenary.alreadyPromoted')) : null;
}

/** @param {string} key */
function markIdOf(key) {
  return `promoted-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}

/**
 * The table's results for one item, a line per closed vote: "Afstemning 1: 8 prikker, nr. 1 af 3".
 * @param {Map<string, any[]>} results @param {string} item
 */
function standingLines(results, item) {
  const lines = results.get(item) ?? [];
  if (lines.length === 0) return null;
  return h('ul', { class: 'standings', 'data-test': 'standings', 'data-item': item },
    lines.map((r) => h('li', { 'data-vote': r.vote }, standingText(r))));
}

/** @param {any} r one entry of standings() */
export function standingText(r) {
  const n = num(r.vote);
  const tied = r.tied ? t('console.standing.tied') : '';
  if (r.method === 'dots') return t('console.standing.dots', { n, count: r.dots, rank: r.rank, of: r.of, tied });
  if (r.method === 'ranking') return t('console.standing.ranking', { n, rank: r.rank, of: r.of, tied, score: r.bordaScore });
  return t('console.standing.scale', { n, mean: formatNumber(r.mean, 1), share: formatPercent(r.shareAgreeing, 0) });
}

/** @param {View} v @param {string} id @param {Set<string>} promoted */
function promoteTable(v, id, promoted) {
  const board = v.table(id);
  const proposals = Object.values(board?.proposals ?? {}).filter((p) => p.status === 'open').sort((a, b) => num(a.id) - num(b.id));
  const clusters = Object.values(board?.clusters ?? {});
  const results = standings(board);
  /** @param {string} p */
  const proposalName = (p) => t('proposal.numbered', { n: num(p), title: board.proposals?.[p]?.title ?? '' });
  return h('div', { class: 'promote-table', 'data-key': `pt:${id}`, 'data-table': id },
    h('h4', {}, v.tableName(id)),
    !board ? h('p', { class: 'muted' }, t('console.table.loading')) : null,
    board && proposals.length === 0 && clusters.length === 0 ? h('p', { class: 'muted' }, t('console.plenary.nothing')) : null,
    h('ul', { class: 'promote-list' },
      clusters.map((c) => {
        const key = `promote:${id}:${c.id}`;
        const done = promoted.has(`${id}:c:${c.id}`);
        const inside = (c.proposals ?? []).filter((/** @type {string} */ p) => board.proposals?.[p] && board.proposals[p].status !== 'hidden');
        return h('li', { 'data-key': `pc:${c.id}`, 'data-test': 'promote-item', 'data-cluster': c.id },
          h('div', { class: 'promote-what' },
            h('strong', {}, t('clusters.label', { name: c.name })), promotedMark(done, markIdOf(key)),
            standingLines(results, c.id),
            inside.length ? h('ul', { class: 'cluster-members' }, inside.map((/** @type {string} */ p) =>
              h('li', { 'data-item': p }, proposalName(p), standingLines(results, p)))) : null),
          actionButton(v, { action: 'promote', key, label: t('console.plenary.promote'), test: 'promote',
            data: { table: id, cluster: c.id, promoted: done ? 'true' : null }, describedBy: done ? markIdOf(key) : undefined }),
          errorLine(v, key));
      }),
      proposals.map((p) => {
        const key = `promote:${id}:${p.id}`;
        const done = promoted.has(`${id}:p:${p.id}`);
        return h('li', { 'data-key': `pp:${p.id}`, 'data-test': 'promote-item', 'data-proposal': p.id },
          h('div', { class: 'promote-what' },
            h('strong', {}, proposalName(p.id)), ' ', h('span', { class: 'muted' }, `– ${v.memberName(p.author)}`),
            promotedMark(done, markIdOf(key)),
            standingLines(results, p.id)),
          actionButton(v, { action: 'promote', key, label: t('console.plenary.promote'), test: 'promote',
            data: { table: id, proposal: p.id, promoted: done ? 'true' : null }, describedBy: done ? markIdOf(key) : undefined }),
          errorLine(v, key));
      })));
}

/** @param {View} v @param {any} d @param {any[]} open @param {boolean} onVote */
function draftItem(v, d, open, onVote) {
  const editable = d.status === 'open' && !onVote && !d.answer;
  const others = open.filter((x) => x.id !== d.id);
  return h('li', { class: `draft ${d.status}`, 'data-test': 'draft', 'data-id': d.id, 'data-status': d.status, 'data-key': `draft:${d.id}` },
    h('p', {}, h('strong', { 'data-test': 'draft-title' }, d.title), ' ',
      h('span', { class: 'tag' }, t(`console.draftStatus.${d.status}`)), onVote ? h('span', { class: 'tag' }, t('console.plenary.onVote')) : null,
      h('span', { class: 'muted' }, ' ', t('console.plenary.version', { n: d.version }))),
    h('p', { class: 'body-text', 'data-test': 'draft-text' }, d.text),
    h('p', { class: 'muted' }, t('console.plenary.sources', { sources: (d.sources ?? []).map((/** @type {any} */ src) =>
      `${v.tableName(src.table)}: ${src.title}`).join('; ') })),
    d.mergedInto ? h('p', { class: 'muted' }, t('console.plenary.mergedInto', { draft: v.session?.drafts?.[d.mergedInto]?.title ?? d.mergedInto })) : null,
    d.withdrawnReason ? h('p', { class: 'muted' }, t('console.plenary.withdrawnBecause', { reason: d.withdrawnReason })) : null,
    d.answer ? h('p', {}, t('console.plenary.answer', { status: d.answer.status, text: d.answer.text ?? '', date: d.answer.date ?? '' })) : null,
    editable ? h('div', { class: 'draft-tools' },
      h('details', { 'data-key': `edit:${d.id}` }, h('summary', {}, t('console.plenary.edit')),
        actionForm('editDraft', `editDraft:${d.id}`, { class: 'stack-form', 'data-draft': d.id, 'data-version': d.version },
          field(`dt-${d.id}`, t('console.plenary.title'), h('input', { type: 'text', name: 'title', 'data-limit': 'title', value: d.title,
            'data-test': 'draft-edit-title', 'data-key': `dti:${d.id}:${d.version}` })),
          field(`dx-${d.id}`, t('console.plenary.text'), h('textarea', { name: 'text', rows: '4', 'data-limit': 'text', 'data-test': 'draft-edit-text',
            'data-key': `dxi:${d.id}:${d.version}` }, d.text)),
          actionButton(v, { action: 'editDraft', key: `editDraft:${d.id}`, label: t('console.plenary.save'), test: 'draft-save', type: 'submit' })),
        errorLine(v, `editDraft:${d.id}`)),
      others.length ? h('details', { 'data-key': `merge:${d.id}` }, h('summary', {}, t('console.plenary.merge')),
        actionForm('mergeDrafts', `merge:${d.id}`, { class: 'inline-form', 'data-draft': d.id },
          field(`dm-${d.id}`, t('console.plenary.mergeInto'), h('select', { name: 'into', 'data-test': 'draft-merge-into' },
            others.map((x) => option(x.id, x.title)))),
          actionButton(v, { action: 'mergeDrafts', key: `merge:${d.id}`, label: t('console.plenary.mergeSubmit'), test: 'draft-merge', type: 'submit' })),
        errorLine(v, `merge:${d.id}`)) : null,
      h('details', { 'data-key': `withdraw:${d.id}` }, h('summary', {}, t('console.plenary.withdraw')),
        actionForm('withdrawDraft', `withdraw:${d.id}`, { class: 'inline-form', 'data-draft': d.id },
          field(`dw-${d.id}`, t('console.plenary.reason'), h('input', { type: 'text', name: 'reason', 'data-limit': 'reason', 'data-test': 'reason' })),
          actionButton(v, { action: 'withdrawDraft', key: `withdraw:${d.id}`, label: t('console.plenary.withdrawSubmit'), test: 'draft-withdraw',
            type: 'submit', kind: 'danger' })),
        errorLine(v, `withdraw:${d.id}`))) : null);
}

/** @param {View} v @param {any} f @param {Record<string, any>} drafts */
function finalItem(v, f, drafts) {
  const r = f.result;
  return h('li', { class: 'final', 'data-test': 'final-vote', 'data-id': f.id, 'data-status': f.status, 'data-key': `final:${f.id}` },
    h('p', {}, h('strong', {}, t('console.final.vote', { n: num(f.id) })), ' · ',
      f.status === 'open' ? t('console.final.statusOpen') : t('console.final.statusClosed'), ' · ',
      t('console.final.thresholdIs', { threshold: percent(f.threshold) }), ' · ',
      h('span', { 'data-test': 'final-ballots', 'aria-live': f.status === 'open' ? 'polite' : 'off' },
        t('console.final.ballots', { ballots: f.ballotCount ?? 0, electorate: f.electorate }))),
    h('p', { class: 'muted' }, f.drafts.map((/** @type {string} */ d) => drafts[d]?.title ?? d).join(' · ')),
    f.status === 'open' ? actionButton(v, { action: 'closeFinalVote', key: `closeFinal:${f.id}`, label: t('console.final.close'),
      test: 'close-final-vote', data: { vote: f.id }, kind: 'primary' }) : null,
    errorLine(v, `closeFinal:${f.id}`),
    r ? h('table', { class: 'final-result', 'data-test': 'final-result', 'data-vote': f.id },
      h('caption', {}, t('console.final.result', { ballots: r.ballots, electorate: r.electorate, threshold: percent(r.threshold) })),
      h('thead', {}, h('tr', {}, ['draft', 'support', 'oppose', 'abstain', 'share', 'adopted'].map((c) =>
        h('th', { scope: 'col' }, t(`console.final.col.${c}`))))),
      h('tbody', {}, (r.drafts ?? []).map((/** @type {any} */ x) => h('tr', { 'data-draft': x.draft, 'data-adopted': String(x.adopted) },
        h('th', { scope: 'row' }, drafts[x.draft]?.title ?? x.draft),
        h('td', {}, String(x.support)), h('td', {}, String(x.oppose)), h('td', {}, String(x.abstain)),
        h('td', {}, percent(x.share)),
        h('td', { class: x.adopted ? 'adopted' : 'not-adopted' }, x.adopted ? t('console.final.yes') : t('console.final.no')))))) : null);
}
