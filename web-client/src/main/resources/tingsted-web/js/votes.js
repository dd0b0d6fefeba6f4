// @ts-check
/**
 * The member's votes: open table votes (dots, ranking, scale), published results, and the
 * session's final vote. What a member enters stays local until they submit it; the ballot
 * shown as theirs is the one the server reports back.
 */
import { t, formatNumber, formatPercent } from './i18n.js';
import { h, setText, setAttr, syncList, uid } from './dom.js';
import { ballotProblem } from './rules.js';

/**
 * @typedef {{client: any, me: any, table: any, session: any, nameOf: (id: string) => string,
 *   itemLabel: (id: string) => string, pendingFor: (m?: (o: any) => boolean) => any[],
 *   send: (type: string, fields: any, errorEl?: HTMLElement | null) => Promise<any>,
 *   scheduleRender: () => void, tableStream: string, sessionStream: string,
 *   keep?: {get: (stream: string, field: string) => any, set: (stream: string, field: string, value: any) => void}}} Ctx
 */

/** Local, unsent ballots per vote. @type {Map<string, {dots: Record<string, number>, order: string[], scale: Record<string, number>, touched: boolean}>} */
const drafts = new Map();
/** @type {Map<string, Record<string, string>>} */
const finalDrafts = new Map();

/** The number at the end of an id (v12 -> 12). @param {string} id */
function num(id) {
  const m = /(\d+)$/.exec(id ?? '');
  return m ? Number(m[1]) : 0;
}

/** @param {Ctx} ctx @param {any} v */
function draftOf(ctx, v) {
  let d = drafts.get(v.id);
  const own = ctx.me ? v.ballots?.[ctx.me.id] : undefined;
  if (!d) {
    // A ballot arranged but not sent before a reload comes back as it was.
    const kept = ctx.keep?.get(ctx.tableStream, `vote.${v.id}`);
    d = kept
      ? { dots: { ...(kept.dots ?? {}) }, order: keptOrder(kept.order, v.items), scale: { ...(kept.scale ?? {}) }, touched: true }
      : { dots: {}, order: [...v.items], scale: {}, touched: false };
    drafts.set(v.id, d);
  }
  if (own && !d.touched) {
    if (own.dots) d.dots = { ...own.dots };
    if (own.order) d.order = [...own.order, ...v.items.filter((/** @type {string} */ i) => !own.order.includes(i))];
    if (own.scale) d.scale = { ...own.scale };
  }
  return d;
}

/** A kept order with the vote's items only, each once, and any missing at the end. @param {any} order @param {string[]} items */
function keptOrder(order, items) {
  const kept = Array.isArray(order) ? order.filter((i, n) => items.includes(i) && order.indexOf(i) === n) : [];
  return [...kept, ...items.filter((i) => !kept.includes(i))];
}

/** Keeps an unsent ballot in the browser. @param {Ctx} ctx @param {any} v @param {any} d */
function keepDraft(ctx, v, d) {
  ctx.keep?.set(ctx.tableStream, `vote.${v.id}`, d.touched ? { dots: d.dots, order: d.order, scale: d.scale } : null);
}

/** The sentence for a ballot that does not fit its vote. @param {Ctx} ctx @param {{code: string, item?: string, total?: number, limit?: number}} problem */
export function problemText(ctx, problem) {
  return t(`ballot.problem.${problem.code}`, {
    item: problem.item ? ctx.itemLabel(problem.item) : '', total: problem.total ?? '', limit: problem.limit ?? '',
    count: problem.limit ?? 0,
  });
}

/** @param {Ctx} ctx @param {HTMLElement} container @param {HTMLElement} empty */
export function renderVotes(ctx, container, empty) {
  const votes = ctx.table ? Object.values(ctx.table.votes) : [];
  const open = votes.filter((v) => v.status === 'open');
  const closed = votes.filter((v) => v.status === 'closed' && !(v.published && v.result));
  const finals = ctx.session ? Object.values(ctx.session.finalVotes).filter((f) => f.status === 'open') : [];
  empty.hidden = open.length + closed.length + finals.length > 0;
  syncList(container, [...open, ...closed], (v) => `${v.id}-${v.status}`, (v) => createVote(ctx, v), (el, v) => updateVote(ctx, el, v));
}

/** @param {Ctx} ctx @param {any} v */
function createVote(ctx, v) {
  const titleId = uid('vtitle');
  const el = h('section', { class: 'vote', 'data-test': 'vote', 'aria-labelledby': titleId });
  el.dataset.id = v.id;
  el.dataset.method = v.method;
  el.append(h('h3', { id: titleId, class: 'vote-title' }));
  if (v.status !== 'open') {
    el.append(h('p', { class: 'muted', 'data-i18n': 'votes.closedWaiting' }, t('votes.closedWaiting')));
    return el;
  }
  el.append(h('p', { class: 'help vote-help' }));
  const form = h('form', { class: 'ballot', novalidate: true });
  const body = h('div', { class: 'ballot-body' });
  const error = h('p', { class: 'error', role: 'alert' });
  const status = h('p', { class: 'own-ballot', 'data-test': 'own-ballot', 'aria-live': 'polite' });
  const pending = h('p', { class: 'pending', 'data-test': 'pending', hidden: true }, t('pending.sending'));
  const submit = h('button', { type: 'submit', 'data-test': 'ballot-submit', 'data-i18n': 'votes.submit' }, t('votes.submit'));
  form.append(body, error, submit, pending, status);
  el.append(form);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const d = draftOf(ctx, v);
    const ballot = ballotFrom(v, d);
    if (!ballot) {
      setText(error, t(`votes.empty.${v.method}`));
      return;
    }
    // The server's rules, checked here first: a ballot that does not fit is not sent.
    const problem = ballotProblem(v, ballot);
    if (problem) {
      setText(error, problemText(ctx, problem));
      return;
    }
    setText(error, '');
    ctx.send('castBallot', { vote: v.id, ballot }, error).then((ack) => {
      if (!ack) return;
      d.touched = false;
      keepDraft(ctx, v, d);
    });
  });

  if (v.method === 'dots') {
    body.append(h('p', { class: 'dots-left', 'aria-live': 'polite' }), h('ul', { class: 'dots-list plain' }));
  } else if (v.method === 'ranking') {
    const list = h('ol', { class: 'rank-list' });
    body.append(list);
    const Sortable = /** @type {any} */ (window).tingstedSortable;
    if (Sortable) {
      Sortable.create(list, {
        handle: '.drag-handle', animation: 150,
        onEnd: () => {
          const d = draftOf(ctx, v);
          d.order = [...list.children].map((li) => /** @type {HTMLElement} */ (li).dataset.item ?? '');
          d.touched = true;
          keepDraft(ctx, v, d);
          ctx.scheduleRender();
        },
      });
    }
  } else {
    body.append(h('div', { class: 'scale-list' }));
  }
  return el;
}

/** @param {any} v @param {{dots: Record<string, number>, order: string[], scale: Record<string, number>}} d */
export function ballotFrom(v, d) {
  if (v.method === 'dots') {
    /** @type {Record<string, number>} */
    const dots = {};
    for (const i of v.items) if ((d.dots[i] ?? 0) !== 0) dots[i] = d.dots[i];
    return Object.keys(dots).length ? { dots } : null;
  }
  if (v.method === 'ranking') return d.order.length ? { order: [...d.order] } : null;
  /** @type {Record<string, number>} */
  const scale = {};
  for (const i of v.items) if (d.scale[i] >= 1 && d.scale[i] <= 5) scale[i] = d.scale[i];
  return Object.keys(scale).length ? { scale } : null;
}

/** @param {Ctx} ctx @param {HTMLElement} el @param {any} v */
function updateVote(ctx, el, v) {
  const q = (/** @type {string} */ sel) => /** @type {HTMLElement} */ (el.querySelector(sel));
  setText(q('.vote-title'), t('votes.titleOf', { n: num(v.id), method: t(`votes.method.${v.method}`) }));
  if (v.status !== 'open') return;
  setText(q('.vote-help'), v.method === 'dots'
    ? t('votes.help.dots', { dots: v.dotsPerMember, cap: v.capPerItem })
    : t(`votes.help.${v.method}`));
  const d = draftOf(ctx, v);
  const pend = ctx.pendingFor((o) => o.type === 'castBallot' && o.fields.vote === v.id);
  q('[data-test=pending]').hidden = pend.length === 0;
  const own = ctx.me ? v.ballots?.[ctx.me.id] : undefined;
  setText(q('[data-test=own-ballot]'), own ? t('votes.yourBallot', { ballot: describeBallot(ctx, own) }) : t('votes.notVoted'));
  setText(q('[data-test=ballot-submit]'), own ? t('votes.change') : t('votes.submit'));
  if (v.method === 'dots') updateDots(ctx, el, v, d);
  else if (v.method === 'ranking') updateRanking(ctx, el, v, d);
  else updateScale(ctx, el, v, d);
}

/** @param {Ctx} ctx @param {any} own */
function describeBallot(ctx, own) {
  if (own.dots) return Object.entries(own.dots).map(([i, n]) => `${ctx.itemLabel(i)}: ${n}`).join('; ');
  if (own.order) return own.order.map((/** @type {string} */ i, /** @type {number} */ n) => `${n + 1}. ${ctx.itemLabel(i)}`).join('; ');
  if (own.scale) return Object.entries(own.scale).map(([i, n]) => `${ctx.itemLabel(i)}: ${n}`).join('; ');
  return '';
}

/**
 * Dots with − and + beside each item and the dots left above them. A dot more than the member
 * has, or more on one item than the vote allows, is refused on the spot with a message; a number
 * typed over the budget is refused when the ballot is sent. Nothing is ever cut down silently.
 * @param {Ctx} ctx @param {HTMLElement} el @param {any} v @param {any} d
 */
function updateDots(ctx, el, v, d) {
  const used = () => v.items.reduce((/** @type {number} */ a, /** @type {string} */ i) => a + (d.dots[i] ?? 0), 0);
  const left = /** @type {HTMLElement} */ (el.querySelector('.dots-left'));
  const list = /** @type {HTMLElement} */ (el.querySelector('.dots-list'));
  const error = /** @type {HTMLElement} */ (el.querySelector('.error'));
  const showLeft = () => {
    const rest = v.dotsPerMember - used();
    setText(left, rest >= 0 ? t('votes.dotsLeft', { count: rest, total: v.dotsPerMember })
      : t('votes.dotsOver', { count: -rest, total: v.dotsPerMember }));
    left.classList.toggle('error', rest < 0);
    setAttr(left, 'data-left', String(rest));
  };
  /** @param {string} item @param {number} delta @param {HTMLInputElement} input */
  const step = (item, delta, input) => {
    const now = d.dots[item] ?? 0;
    const next = now + delta;
    if (next < 0) return;
    if (delta > 0 && used() + delta > v.dotsPerMember) {
      setText(error, t('votes.noDotsLeft', { count: v.dotsPerMember }));
      return;
    }
    if (delta > 0 && next > v.capPerItem) {
      setText(error, t('votes.capReached', { count: v.capPerItem, item: ctx.itemLabel(item) }));
      return;
    }
    setText(error, '');
    d.dots[item] = next;
    d.touched = true;
    keepDraft(ctx, v, d);
    input.value = String(next);
    showLeft();
  };
  syncList(list, v.items, (i) => i, (item) => {
    const id = uid('dots');
    const input = /** @type {HTMLInputElement} */ (h('input', { id, type: 'number', inputmode: 'numeric', min: '0', step: '1', 'data-test': 'dots', 'data-item': item }));
    input.addEventListener('input', () => {
      const n = Math.floor(Number(input.value));
      d.dots[item] = Number.isFinite(n) ? n : 0;
      d.touched = true;
      keepDraft(ctx, v, d);
      setText(error, '');
      showLeft();
    });
    const minus = h('button', { type: 'button', class: 'secondary', 'data-test': 'dots-minus', 'data-item': item, onclick: () => step(item, -1, input) }, '−');
    const plus = h('button', { type: 'button', class: 'secondary', 'data-test': 'dots-plus', 'data-item': item, onclick: () => step(item, 1, input) }, '+');
    return h('li', {}, h('label', { for: id, class: 'item-label' }), h('span', { class: 'dots-stepper' }, minus, input, plus));
  }, (li, item) => {
    const label = ctx.itemLabel(item);
    setText(/** @type {Element} */ (li.querySelector('label')), label);
    setAttr(/** @type {Element} */ (li.querySelector('[data-test=dots-minus]')), 'aria-label', t('votes.dotLess', { item: label }));
    setAttr(/** @type {Element} */ (li.querySelector('[data-test=dots-plus]')), 'aria-label', t('votes.dotMore', { item: label }));
    const input = /** @type {HTMLInputElement} */ (li.querySelector('input'));
    setAttr(input, 'max', String(v.capPerItem));
    const want = String(d.dots[item] ?? 0);
    if (document.activeElement !== input && input.value !== want) input.value = want;
  });
  showLeft();
}

/** @param {Ctx} ctx @param {HTMLElement} el @param {any} v @param {any} d */
function updateRanking(ctx, el, v, d) {
  const list = /** @type {HTMLElement} */ (el.querySelector('.rank-list'));
  /** @param {string} item @param {number} delta */
  const move = (item, delta) => {
    const i = d.order.indexOf(item);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= d.order.length) return;
    [d.order[i], d.order[j]] = [d.order[j], d.order[i]];
    d.touched = true;
    keepDraft(ctx, v, d);
    updateRanking(ctx, el, v, d);
    const li = list.querySelector(`[data-item="${CSS.escape(item)}"]`);
    const btn = /** @type {HTMLElement | null} */ (li?.querySelector(delta < 0 ? '[data-test=rank-up]' : '[data-test=rank-down]') ?? null);
    (btn && !(/** @type {HTMLButtonElement} */ (btn)).disabled ? btn : /** @type {HTMLElement | null} */ (li?.querySelector('button') ?? null))?.focus();
    const live = /** @type {HTMLElement} */ (el.querySelector('.own-ballot'));
    setText(live, t('votes.movedTo', { item: ctx.itemLabel(item), place: j + 1 }));
  };
  syncList(list, d.order, (i) => i, (item) => h('li', { class: 'rank-item', 'data-test': 'rank-item', 'data-item': item },
    h('span', { class: 'drag-handle', 'aria-hidden': 'true' }, '⠿'),
    h('span', { class: 'rank-pos' }),
    h('span', { class: 'item-label' }),
    h('button', { type: 'button', class: 'icon', 'data-test': 'rank-up', onclick: () => move(item, -1) }),
    h('button', { type: 'button', class: 'icon', 'data-test': 'rank-down', onclick: () => move(item, 1) })),
  (li, item) => {
    const pos = d.order.indexOf(item);
    const label = ctx.itemLabel(item);
    setText(/** @type {Element} */ (li.querySelector('.rank-pos')), `${pos + 1}.`);
    setText(/** @type {Element} */ (li.querySelector('.item-label')), label);
    const up = /** @type {HTMLButtonElement} */ (li.querySelector('[data-test=rank-up]'));
    const down = /** @type {HTMLButtonElement} */ (li.querySelector('[data-test=rank-down]'));
    setText(up, t('votes.up'));
    setText(down, t('votes.down'));
    setAttr(up, 'aria-label', t('votes.upLabel', { item: label }));
    setAttr(down, 'aria-label', t('votes.downLabel', { item: label }));
    up.disabled = pos === 0;
    down.disabled = pos === d.order.length - 1;
  });
}

/** @param {Ctx} ctx @param {HTMLElement} el @param {any} v @param {any} d */
function updateScale(ctx, el, v, d) {
  const list = /** @type {HTMLElement} */ (el.querySelector('.scale-list'));
  syncList(list, v.items, (i) => i, (item) => {
    const name = uid('scale');
    const fs = h('fieldset', { class: 'scale' }, h('legend', { class: 'item-label' }));
    const row = h('div', { class: 'scale-options' });
    for (let n = 1; n <= 5; n++) {
      const id = `${name}-${n}`;
      const input = /** @type {HTMLInputElement} */ (h('input', { type: 'radio', id, name, value: String(n), 'data-test': 'scale', 'data-item': item }));
      input.addEventListener('change', () => { d.scale[item] = n; d.touched = true; keepDraft(ctx, v, d); });
      row.append(h('span', { class: 'scale-option' }, input, h('label', { for: id, 'data-i18n': `votes.scale.${n}` }, t(`votes.scale.${n}`))));
    }
    fs.append(row);
    return fs;
  }, (fs, item) => {
    setText(/** @type {Element} */ (fs.querySelector('legend')), ctx.itemLabel(item));
    for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (fs.querySelectorAll('input'))) {
      const checked = d.scale[item] === Number(input.value);
      if (input.checked !== checked && document.activeElement?.closest('fieldset') !== fs) input.checked = checked;
    }
  });
}

/**
 * The published results: the table's votes ('table'), the final votes ('final'), or both.
 * @param {Ctx} ctx @param {HTMLElement} container @param {HTMLElement | null} panel @param {'table' | 'final' | 'all'} [which]
 */
export function renderResults(ctx, container, panel, which = 'all') {
  const votes = ctx.table && which !== 'final' ? Object.values(ctx.table.votes).filter((v) => v.published && v.result) : [];
  const finals = ctx.session && which !== 'table' ? Object.values(ctx.session.finalVotes).filter((f) => f.status === 'closed' && f.result) : [];
  if (panel) panel.hidden = votes.length + finals.length === 0;
  // The newest result first: it is the one the table is talking about.
  votes.sort((a, b) => num(b.id) - num(a.id));
  finals.sort((a, b) => num(b.id) - num(a.id));
  syncList(container, [...votes.map((v) => ({ kind: 'table', v })), ...finals.map((v) => ({ kind: 'final', v }))],
    (r) => `${r.kind}-${r.v.id}`,
    (r) => {
      const titleId = uid('rtitle');
      const el = h('section', { class: 'result', 'aria-labelledby': titleId, 'data-test': r.kind === 'table' ? 'result' : 'final-result' },
        h('h3', { id: titleId }), h('div', { class: 'result-body' }));
      el.dataset.vote = r.v.id;
      return el;
    },
    (el, r) => {
      setText(/** @type {Element} */ (el.querySelector('h3')), r.kind === 'table'
        ? t('results.of', { method: t(`votes.method.${r.v.method}`), n: num(r.v.id) }) : t('final.resultTitle', { n: num(r.v.id) }));
      const body = /** @type {HTMLElement} */ (el.querySelector('.result-body'));
      const sig = JSON.stringify(r.v.result) + document.documentElement.lang;
      if (body.dataset.sig === sig) return;
      body.dataset.sig = sig;
      body.replaceChildren(...(r.kind === 'table' ? tableResult(ctx, r.v.result) : finalResult(ctx, r.v.result)));
    });
}

/** @param {Ctx} ctx @param {any} res @returns {HTMLElement[]} */
function tableResult(ctx, res) {
  const out = [h('p', { class: 'muted' }, t('results.ballots', { count: res.ballots }))];
  if (res.dots) {
    const ol = h('ol', { class: 'result-list' });
    for (const tier of res.dots.order) {
      for (const item of tier) ol.append(h('li', { 'data-item': item }, `${ctx.itemLabel(item)}: ${t('results.dots', { count: res.dots.totals[item] ?? 0 })}`));
    }
    out.push(ol);
  } else if (res.ranking) {
    const ol = h('ol', { class: 'result-list' });
    for (const tier of res.ranking.schulze) {
      const names = tier.map((/** @type {string} */ i) => `${ctx.itemLabel(i)} (${t('results.borda', { score: res.ranking.bordaScores?.[i] ?? 0 })})`);
      ol.append(h('li', { 'data-item': tier.join(' ') }, tier.length > 1 ? t('results.tie', { items: names.join(', ') }) : names[0]));
    }
    out.push(h('p', {}, t('results.rankingNote')), ol);
  } else if (res.scale) {
    const ul = h('ul', { class: 'result-list plain' });
    for (const r of res.scale) {
      ul.append(h('li', { 'data-item': r.item },
        h('strong', {}, ctx.itemLabel(r.item)), ' ',
        t('results.scale', { mean: formatNumber(r.mean, 2), share: formatPercent(r.shareAgreeing, 0), ballots: r.ballots }), ' ',
        h('span', { class: 'muted' }, t('results.distribution', { d: r.distribution.join(' / ') }))));
    }
    out.push(ul);
  }
  return out;
}

/** @param {Ctx} ctx @param {any} res @returns {HTMLElement[]} */
function finalResult(ctx, res) {
  const ul = h('ul', { class: 'result-list plain' });
  for (const d of res.drafts) {
    const draft = ctx.session?.drafts[d.draft];
    ul.append(h('li', { 'data-draft': d.draft },
      h('strong', {}, draft?.title ?? t('plenary.draftNumber', { n: num(d.draft) })), ' ',
      t('final.figures', { support: d.support, oppose: d.oppose, abstain: d.abstain, share: formatPercent(d.share, 1) }), ' ',
      h('span', { class: `badge ${d.adopted ? 'adopted' : 'not-adopted'}` }, t(d.adopted ? 'final.adopted' : 'final.notAdopted'))));
  }
  return [h('p', { class: 'muted' }, t('final.ballots', { count: res.ballots, electorate: res.electorate, threshold: formatPercent(res.threshold, 0) })), ul];
}

/** @param {Ctx} ctx @param {HTMLElement} container */
export function renderFinalVotes(ctx, container) {
  const finals = ctx.session ? Object.values(ctx.session.finalVotes).filter((f) => f.status === 'open') : [];
  syncList(container, finals, (f) => f.id, (f) => createFinal(ctx, f), (el, f) => updateFinal(ctx, el, f));
}

/** @param {Ctx} ctx @param {any} f */
function createFinal(ctx, f) {
  const titleId = uid('ftitle');
  const el = h('section', { class: 'vote final', 'data-test': 'final-vote', 'aria-labelledby': titleId },
    h('h3', { id: titleId, 'data-i18n': 'final.title' }, t('final.title')),
    h('p', { class: 'help final-help' }));
  el.dataset.id = f.id;
  const form = h('form', { class: 'ballot', novalidate: true });
  const body = h('div', { class: 'ballot-body' });
  const error = h('p', { class: 'error', role: 'alert' });
  form.append(body, error,
    h('button', { type: 'submit', 'data-test': 'final-submit', 'data-i18n': 'final.submit' }, t('final.submit')),
    h('p', { class: 'pending', 'data-test': 'pending', hidden: true }, t('pending.sending')),
    h('p', { class: 'own-ballot', 'data-test': 'own-final-ballot', 'aria-live': 'polite' }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const choices = { ...(finalDrafts.get(f.id) ?? {}) };
    if (!Object.keys(choices).length) { setText(error, t('final.empty')); return; }
    setText(error, '');
    ctx.send('castFinalBallot', { vote: f.id, choices }, error).then((ack) => {
      if (ack) ctx.keep?.set(ctx.sessionStream, `final.${f.id}`, null);
    });
  });
  el.append(form);
  return el;
}

/** @param {Ctx} ctx @param {HTMLElement} el @param {any} f */
function updateFinal(ctx, el, f) {
  const own = ctx.me ? f.ballots?.[ctx.me.id] : undefined;
  if (!finalDrafts.has(f.id)) finalDrafts.set(f.id, ctx.keep?.get(ctx.sessionStream, `final.${f.id}`) ?? (own ? { ...own } : {}));
  const local = /** @type {Record<string, string>} */ (finalDrafts.get(f.id));
  setText(/** @type {Element} */ (el.querySelector('.final-help')), t('final.help', { threshold: formatPercent(f.threshold, 0), electorate: f.electorate }));
  const body = /** @type {HTMLElement} */ (el.querySelector('.ballot-body'));
  syncList(body, f.drafts, (d) => d, (draftId) => {
    const name = uid('final');
    const fs = h('fieldset', { class: 'scale' }, h('legend', { class: 'item-label' }), h('p', { class: 'draft-text' }));
    const row = h('div', { class: 'scale-options' });
    for (const choice of ['support', 'oppose', 'abstain']) {
      const id = `${name}-${choice}`;
      const input = h('input', { type: 'radio', id, name, value: choice, 'data-test': 'final-choice', 'data-draft': draftId });
      input.addEventListener('change', () => {
        local[draftId] = choice;
        ctx.keep?.set(ctx.sessionStream, `final.${f.id}`, { ...local });
      });
      row.append(h('span', { class: 'scale-option' }, input, h('label', { for: id, 'data-i18n': `final.${choice}` }, t(`final.${choice}`))));
    }
    fs.append(row);
    return fs;
  }, (fs, draftId) => {
    const draft = ctx.session?.drafts[draftId];
    setText(/** @type {Element} */ (fs.querySelector('legend')), draft?.title ?? t('plenary.draftNumber', { n: num(draftId) }));
    setText(/** @type {Element} */ (fs.querySelector('.draft-text')), draft?.text ?? '');
    for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (fs.querySelectorAll('input'))) {
      const checked = local[draftId] === input.value;
      if (input.checked !== checked && document.activeElement?.closest('fieldset') !== fs) input.checked = checked;
    }
  });
  const pend = ctx.pendingFor((o) => o.type === 'castFinalBallot' && o.fields.vote === f.id);
  /** @type {HTMLElement} */ (el.querySelector('[data-test=pending]')).hidden = pend.length === 0;
  const ownText = own
    ? t('final.yours', { choices: Object.entries(own).map(([d, c]) => `${ctx.session?.drafts[d]?.title ?? t('plenary.draftNumber', { n: num(d) })}: ${t(`final.${c}`)}`).join('; ') })
    : t('votes.notVoted');
  setText(/** @type {Element} */ (el.querySelector('[data-test=own-final-ballot]')), ownText);
}
