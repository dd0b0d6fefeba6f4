// @ts-check
/**
 * Plain JSON state per stream, built from snapshots and events exactly as docs/protocol.md
 * describes them: a table board (`table:<id>`) and a session board (`session:<id>`). The
 * reducers (applyTableEvent, applySessionEvent) are exported for tests; they change the
 * state they are given and return it.
 */
import { parseStream } from './streams.js';

/** @param {string} [table] */
export function emptyTable(table = '') {
  return {
    table, proposalsMade: 0, commentsMade: 0, clustersMade: 0, votesOpened: 0,
    proposals: /** @type {Record<string, any>} */ ({}),
    comments: /** @type {Record<string, any>} */ ({}),
    clusters: /** @type {Record<string, any>} */ ({}),
    votes: /** @type {Record<string, any>} */ ({}),
    hands: /** @type {string[]} */ ([]),
    floor: /** @type {{member: string, since: number} | undefined} */ (undefined),
    spokenMillis: /** @type {Record<string, number>} */ ({}),
    videoLink: /** @type {string | undefined} */ (undefined),
    moderation: /** @type {Record<string, {hidden: boolean, reason: string, by: string}>} */ ({}),
  };
}

/** @param {string} [session] */
export function emptySession(session = '') {
  return {
    session, draftsMade: 0, finalVotesOpened: 0, timersStarted: 0, announcementsMade: 0,
    drafts: /** @type {Record<string, any>} */ ({}),
    finalVotes: /** @type {Record<string, any>} */ ({}),
    reportPublished: false,
    agenda: /** @type {any[]} */ ([]),
    phaseIndex: -1,
    tablePhases: /** @type {Record<string, string>} */ ({}),
    /** How often the phase changed, under '' the session's and under a table id its own sub-phase, as the server counts. */
    phaseChanges: /** @type {Record<string, number>} */ ({}),
    timers: /** @type {Record<string, any>} */ ({}),
    announcements: /** @type {any[]} */ ([]),
  };
}

/** @param {any} snapshotState */
export function tableFromSnapshot(snapshotState) {
  const s = { ...emptyTable(snapshotState.table), ...structuredClone(snapshotState) };
  s.hands ??= [];
  s.spokenMillis ??= {};
  s.moderation ??= {};
  return s;
}

/** @param {any} snapshotState */
export function sessionFromSnapshot(snapshotState) {
  return { ...emptySession(snapshotState.session), ...structuredClone(snapshotState) };
}

/** @param {Record<string, any>} clusters @param {string} proposal */
function takeOutOfClusters(clusters, proposal) {
  for (const c of Object.values(clusters)) {
    c.proposals = (c.proposals ?? []).filter((/** @type {string} */ p) => p !== proposal);
  }
}

/**
 * Applies one table event to the state (changed in place) and returns it.
 * @param {ReturnType<typeof emptyTable>} s @param {{kind: string, data: any, at?: number, by?: string | null}} ev
 */
export function applyTableEvent(s, ev) {
  const d = ev.data ?? {};
  switch (ev.kind) {
    case 'proposed':
      s.proposalsMade += 1;
      s.proposals[d.proposal] = { id: d.proposal, author: d.author, title: d.title, text: d.text, version: 1, status: 'open' };
      break;
    case 'proposalEdited': {
      const p = s.proposals[d.proposal];
      if (p) Object.assign(p, { version: d.version, title: d.title, text: d.text });
      break;
    }
    case 'proposalWithdrawn': {
      const p = s.proposals[d.proposal];
      if (p) p.status = 'withdrawn';
      break;
    }
    case 'commented':
      s.commentsMade += 1;
      s.comments[d.comment] = {
        id: d.comment, proposal: d.proposal, author: d.author, kind: d.kind, text: d.text,
        ...(d.replyTo ? { replyTo: d.replyTo } : {}), hidden: false,
      };
      break;
    case 'clusterCreated':
      s.clustersMade += 1;
      for (const p of d.proposals ?? []) {
        takeOutOfClusters(s.clusters, p);
        if (s.proposals[p]) s.proposals[p].cluster = d.cluster;
      }
      s.clusters[d.cluster] = { id: d.cluster, name: d.name, proposals: [...(d.proposals ?? [])] };
      break;
    case 'clusterRenamed': {
      const c = s.clusters[d.cluster];
      if (c) c.name = d.name;
      break;
    }
    case 'proposalMoved': {
      takeOutOfClusters(s.clusters, d.proposal);
      const p = s.proposals[d.proposal];
      if (d.to) {
        const c = s.clusters[d.to];
        if (c) c.proposals.push(d.proposal);
        if (p) p.cluster = d.to;
      } else if (p) {
        delete p.cluster;
      }
      break;
    }
    case 'clustersMerged': {
      const from = s.clusters[d.from];
      const into = s.clusters[d.into];
      const moved = from ? from.proposals : [];
      if (into) for (const p of moved) if (!into.proposals.includes(p)) into.proposals.push(p);
      for (const p of moved) if (s.proposals[p]) s.proposals[p].cluster = d.into;
      delete s.clusters[d.from];
      break;
    }
    case 'clusterDissolved': {
      const c = s.clusters[d.cluster];
      if (c) for (const p of c.proposals) if (s.proposals[p]) delete s.proposals[p].cluster;
      delete s.clusters[d.cluster];
      break;
    }
    case 'voteOpened':
      s.votesOpened += 1;
      s.votes[d.vote] = {
        id: d.vote, method: d.method, items: [...d.items],
        ...(d.dotsPerMember !== undefined ? { dotsPerMember: d.dotsPerMember } : {}),
        ...(d.capPerItem !== undefined ? { capPerItem: d.capPerItem } : {}),
        status: 'open', ballots: {}, ballotCount: 0, published: false,
      };
      break;
    case 'ballotCast': {
      const v = s.votes[d.vote];
      if (!v) break;
      v.ballotCount = d.ballots;
      if (d.voter && d.ballot) v.ballots[d.voter] = d.ballot;
      break;
    }
    case 'voteClosed': {
      const v = s.votes[d.vote];
      if (!v) break;
      v.status = 'closed';
      if (d.result) v.result = d.result;
      break;
    }
    case 'resultPublished': {
      const v = s.votes[d.vote];
      if (!v) break;
      v.published = true;
      if (d.result) v.result = d.result;
      break;
    }
    case 'itemHidden':
    case 'itemRestored': {
      const hidden = ev.kind === 'itemHidden';
      s.moderation[d.item] = { hidden, reason: d.reason, by: d.by };
      const p = s.proposals[d.item];
      if (p) {
        if (hidden) {
          if (p.status !== 'hidden') p.statusBeforeHidden = p.status;
          p.status = 'hidden';
        } else {
          p.status = p.statusBeforeHidden ?? 'open';
          delete p.statusBeforeHidden;
        }
      }
      const c = s.comments[d.item];
      if (c) c.hidden = hidden;
      break;
    }
    case 'handRaised':
      if (!s.hands.includes(d.member)) s.hands.push(d.member);
      break;
    case 'handLowered':
      s.hands = s.hands.filter((m) => m !== d.member);
      break;
    case 'floorGiven':
      s.hands = s.hands.filter((m) => m !== d.member);
      s.floor = { member: d.member, since: d.at ?? ev.at ?? 0 };
      break;
    case 'turnEnded':
      s.spokenMillis[d.member] = (s.spokenMillis[d.member] ?? 0) + (d.millis ?? 0);
      if (s.floor && s.floor.member === d.member) delete s.floor;
      break;
    case 'queueReordered':
      s.hands = [...d.queue];
      break;
    case 'videoLinkSet':
      if (d.url) s.videoLink = d.url;
      else delete s.videoLink;
      break;
    default:
      // A kind this client does not know: skipped, its seq still counts.
  }
  return s;
}

/**
 * Applies one session event to the state (changed in place) and returns it.
 * @param {ReturnType<typeof emptySession>} s @param {{kind: string, data: any, at?: number, by?: string | null}} ev
 */
export function applySessionEvent(s, ev) {
  const d = ev.data ?? {};
  switch (ev.kind) {
    case 'draftPromoted':
      s.draftsMade += 1;
      s.drafts[d.draft] = { id: d.draft, title: d.title, text: d.text, version: 1, sources: d.sources ?? [], status: 'open' };
      break;
    case 'draftEdited': {
      const x = s.drafts[d.draft];
      if (x) Object.assign(x, { version: d.version, title: d.title, text: d.text });
      break;
    }
    case 'draftsMerged': {
      const from = s.drafts[d.from];
      if (from) Object.assign(from, { status: 'merged', mergedInto: d.into });
      const into = s.drafts[d.into];
      if (into) Object.assign(into, { title: d.title, text: d.text, sources: d.sources ?? into.sources, version: (into.version ?? 1) + 1 });
      break;
    }
    case 'draftWithdrawn': {
      const x = s.drafts[d.draft];
      if (x) Object.assign(x, { status: 'withdrawn', withdrawnReason: d.reason });
      break;
    }
    case 'finalVoteOpened':
      s.finalVotesOpened += 1;
      s.finalVotes[d.vote] = {
        id: d.vote, drafts: [...d.drafts], threshold: d.threshold, electorate: d.electorate,
        status: 'open', ballots: {}, ballotCount: 0,
      };
      break;
    case 'finalBallotCast': {
      const v = s.finalVotes[d.vote];
      if (!v) break;
      v.ballotCount = d.ballots;
      if (d.voter && d.choices) v.ballots[d.voter] = d.choices;
      break;
    }
    case 'finalVoteClosed': {
      const v = s.finalVotes[d.vote];
      if (!v) break;
      v.status = 'closed';
      v.result = d.result;
      break;
    }
    case 'answerRecorded': {
      const x = s.drafts[d.draft];
      if (x) x.answer = { status: d.status, ...(d.text ? { text: d.text } : {}), date: d.date };
      break;
    }
    case 'reportPublished':
      s.reportPublished = true;
      break;
    case 'reportUnpublished':
      s.reportPublished = false;
      break;
    case 'agendaSet':
      s.agenda = structuredClone(d.items ?? []);
      // As the server does: a shorter agenda keeps the session at its last item.
      if (s.phaseIndex >= s.agenda.length) s.phaseIndex = s.agenda.length - 1;
      break;
    case 'phaseChanged': {
      s.phaseChanges ??= {};
      const place = d.table ?? '';
      s.phaseChanges[place] = (s.phaseChanges[place] ?? 0) + 1;
      if (d.table) {
        if (d.phase) s.tablePhases[d.table] = d.phase;
        else delete s.tablePhases[d.table];
      } else {
        s.phaseIndex = d.index;
        s.tablePhases = {};
      }
      break;
    }
    case 'timerStarted':
      s.timersStarted += 1;
      s.timers[d.timer] = {
        id: d.timer, scope: d.scope, ...(d.label ? { label: d.label } : {}), ...(d.table ? { table: d.table } : {}),
        status: 'running', deadline: d.deadline, remainingMillis: 0, seconds: d.seconds, phaseMark: phaseMark(s, d.table),
      };
      break;
    case 'timerPaused': {
      const t = s.timers[d.timer];
      if (t) Object.assign(t, { status: 'paused', remainingMillis: d.remainingMillis, deadline: 0 });
      break;
    }
    case 'timerResumed': {
      const t = s.timers[d.timer];
      if (t) Object.assign(t, { status: 'running', deadline: d.deadline, remainingMillis: 0 });
      break;
    }
    case 'timerExtended': {
      const t = s.timers[d.timer];
      if (!t) break;
      t.seconds = d.seconds;
      if (t.status === 'paused') t.remainingMillis = d.remainingMillis ?? t.remainingMillis;
      else if (d.deadline) t.deadline = d.deadline;
      break;
    }
    case 'timerCancelled': {
      const t = s.timers[d.timer];
      // As the server keeps it: the deadline or the time left it had when cancelled.
      if (t) t.status = 'cancelled';
      break;
    }
    case 'timerElapsed': {
      const t = s.timers[d.timer];
      if (t) t.status = 'elapsed';
      break;
    }
    case 'announced':
      s.announcementsMade += 1;
      if (!s.announcements.some((a) => a.id === d.announcement)) {
        s.announcements.push({ id: d.announcement, text: d.text, tables: d.tables ?? [], at: ev.at ?? 0 });
      }
      break;
    case 'memberMoved':
      break;
    default:
  }
  return s;
}

/**
 * The phase that counts for a table now: its own sub-phase, else the session's current item.
 * @param {ReturnType<typeof emptySession> | undefined} session @param {string | undefined} table
 * @returns {{phase: string, title?: string, index: number, own: boolean} | null}
 */
export function tablePhase(session, table) {
  if (!session) return null;
  const own = table ? session.tablePhases[table] : undefined;
  const item = session.phaseIndex >= 0 ? session.agenda[session.phaseIndex] : undefined;
  if (own) return { phase: own, index: -1, own: true, title: undefined };
  if (item) return { phase: item.phase, title: item.title, index: session.phaseIndex, own: false };
  return null;
}

/**
 * The timers a table's members see: the table's round timer and the session's phase timer, each
 * the latest one not cancelled. A timer that ran out is still returned, so that people see 00:00
 * and "time's up", until the facilitator moves on: starts a newer timer for the same place,
 * cancels it, or the phase in force at the table changes after it started (a phase timer also
 * goes once the agenda is at an item whose title it does not carry, and at a table in a phase of
 * its own).
 * @param {ReturnType<typeof emptySession> | undefined} session @param {string | undefined} table
 * @returns {{round: any, phase: any}}
 */
export function timersAt(session, table) {
  if (!session) return { round: null, phase: null };
  const timers = Object.values(session.timers);
  /** @param {any[]} list */
  const latest = (list) => list.reduce((/** @type {any} */ a, t) => (a === null || numericId(t.id) > numericId(a.id) ? t : a), null);
  const item = session.phaseIndex >= 0 ? session.agenda[session.phaseIndex] : undefined;
  /** @param {any} t @param {boolean} phaseTimer */
  const shown = (t, phaseTimer) => {
    if (!t || t.status === 'cancelled') return null;
    if (t.status !== 'elapsed') return t;
    if (phaseMark(session, t.table) > (t.phaseMark ?? 0)) return null;
    // A table in a phase of its own has moved on from the session's phase timer that ran out.
    if (phaseTimer && table && session.tablePhases[table]) return null;
    if (phaseTimer && item && t.label !== undefined && t.label !== item.title && !(table && session.tablePhases[table])) return null;
    return t;
  };
  // A running or paused timer of the place counts first (a speaker timer cancelled after it
  // must not hide it); else the latest one, if it ran out and the facilitator has not moved on.
  const live = (/** @type {any} */ t) => t.status === 'running' || t.status === 'paused';
  /** @param {any[]} list @param {boolean} phaseTimer */
  const pick = (list, phaseTimer) => latest(list.filter(live)) ?? shown(latest(list), phaseTimer);
  const round = table ? pick(timers.filter((t) => t.table === table), false) : null;
  const phase = pick(timers.filter((t) => !t.table), true);
  return { round, phase };
}

/**
 * How often the phase in force at a place has changed: the session's changes, plus the table's
 * own for a table. A timer keeps its place's mark from its start; the server counts the same
 * (SessionBoard.phaseMark), so a snapshot tells as much as the events did.
 * @param {any} session @param {string | undefined | null} table
 */
export function phaseMark(session, table) {
  const changes = session?.phaseChanges ?? {};
  return (changes[''] ?? 0) + (table ? changes[table] ?? 0 : 0);
}

/**
 * Whether a timer has run out: elapsed, or running past its deadline at server time `now`
 * (before the server's timerElapsed arrives).
 * @param {any} timer @param {number} [now]
 */
export function timeIsUp(timer, now = Date.now()) {
  if (!timer) return false;
  if (timer.status === 'elapsed') return true;
  return timer.status === 'running' && timer.deadline - now <= 0;
}

/** @param {string} id */
function numericId(id) {
  const m = /(\d+)$/.exec(id);
  return m ? Number(m[1]) : 0;
}

/**
 * Milliseconds left on a timer at server time `now`, never below 0.
 * @param {any} timer @param {number} now
 */
export function remainingMillis(timer, now) {
  if (!timer) return 0;
  if (timer.status === 'paused') return Math.max(0, timer.remainingMillis ?? 0);
  if (timer.status === 'running') return Math.max(0, timer.deadline - now);
  return 0;
}

/** mm:ss, whole seconds rounded up. @param {number} ms */
export function formatCountdown(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/**
 * How each item (proposal or cluster) of a table did in its closed votes, oldest vote first:
 * what the lead facilitator weighs when choosing what to promote. Per item a list of
 * {vote, method, ballots, of, rank, tied, dots?, bordaScore?, mean?, shareAgreeing?}, where
 * rank is the place of the item's group in the vote's order (Schulze for a ranking, none for a
 * scale) and of is how many items the vote had.
 * @param {any} board @returns {Map<string, any[]>}
 */
export function standings(board) {
  /** @type {Map<string, any[]>} */
  const out = new Map();
  const votes = Object.values(board?.votes ?? {}).filter((v) => v.status === 'closed' && v.result)
    .sort((a, b) => numericId(a.id) - numericId(b.id));
  for (const vote of votes) {
    const r = vote.result;
    const base = { vote: vote.id, method: r.method ?? vote.method, ballots: r.ballots ?? 0, of: (vote.items ?? []).length };
    /** @param {string} item @param {any} line */
    const add = (item, line) => { if (!out.has(item)) out.set(item, []); out.get(item)?.push({ ...base, ...line }); };
    /** @param {string[][]} order @param {string} item */
    const place = (order, item) => {
      const i = order.findIndex((group) => group.includes(item));
      return i < 0 ? { rank: 0, tied: false } : { rank: i + 1, tied: order[i].length > 1 };
    };
    if (r.dots) {
      for (const item of vote.items ?? []) add(item, { dots: r.dots.totals?.[item] ?? 0, ...place(r.dots.order ?? [], item) });
    } else if (r.ranking) {
      for (const item of vote.items ?? []) add(item, { bordaScore: r.ranking.bordaScores?.[item] ?? 0, ...place(r.ranking.schulze ?? [], item) });
    } else if (r.scale) {
      for (const line of r.scale) add(line.item, { rank: 0, tied: false, mean: line.mean, shareAgreeing: line.shareAgreeing });
    }
  }
  return out;
}

/** The announcements a table sees, oldest first. @param {any} session @param {string | undefined} table */
export function announcementsFor(session, table) {
  if (!session) return [];
  return session.announcements.filter((/** @type {any} */ a) => !a.tables?.length || (table && a.tables.includes(table)));
}

export class Store extends EventTarget {
  constructor() {
    super();
    /** @type {Map<string, any>} */
    this.streams = new Map();
    /** @type {Map<string, number>} */
    this.seqs = new Map();
    /** @type {Map<string, any>} table id -> presence message */
    this.presence = new Map();
  }

  /** @param {string} stream */
  table(stream) { return this.streams.get(stream); }

  /** @param {string} stream */
  session(stream) { return this.streams.get(stream); }

  /** @param {string} stream */
  seq(stream) { return this.seqs.get(stream) ?? 0; }

  /** The seq of every stream held, e.g. to resume from after a reload. */
  resumePoints() { return Object.fromEntries(this.seqs); }

  /** Applies a snapshot, event or presence message. @param {any} msg */
  apply(msg) {
    if (msg.type === 'snapshot') return this.applySnapshot(msg);
    if (msg.type === 'event') return this.applyEvent(msg);
    if (msg.type === 'presence') return this.applyPresence(msg);
    return false;
  }

  /** @param {{stream: string, seq: number, state: any}} msg */
  applySnapshot(msg) {
    const kind = parseStream(msg.stream)?.kind;
    if (kind === 'table') this.streams.set(msg.stream, tableFromSnapshot(msg.state));
    else if (kind === 'session') this.streams.set(msg.stream, sessionFromSnapshot(msg.state));
    else return false;
    this.seqs.set(msg.stream, msg.seq);
    this._changed(msg.stream);
    return true;
  }

  /**
   * Applies an event if it is the next on its stream; a duplicate is ignored.
   * @param {{stream: string, seq: number, kind: string, data: any, at?: number, by?: string | null}} msg
   */
  applyEvent(msg) {
    const parsed = parseStream(msg.stream);
    if (!parsed) return false;
    const { kind, id } = parsed;
    const last = this.seqs.get(msg.stream);
    if (last !== undefined && msg.seq <= last) return false;
    let state = this.streams.get(msg.stream);
    if (kind === 'table') {
      state ??= emptyTable(id);
      applyTableEvent(state, msg);
    } else {
      state ??= emptySession(id);
      applySessionEvent(state, msg);
    }
    this.streams.set(msg.stream, state);
    this.seqs.set(msg.stream, msg.seq);
    this._changed(msg.stream, msg);
    return true;
  }

  /** @param {{table: string, members: any[]}} msg */
  applyPresence(msg) {
    this.presence.set(msg.table, msg);
    this._changed(`presence:${msg.table}`);
    return true;
  }

  /** Forgets a stream (e.g. the old table after a move). @param {string} stream */
  drop(stream) {
    this.streams.delete(stream);
    this.seqs.delete(stream);
  }

  /**
   * Feeds the client's snapshots, events and presence into this store, and makes the client
   * resume from what this store holds (an empty store gets snapshots). Call before connect().
   * @param {EventTarget & {setResume?: (s: Record<string, number>) => void}} client
   */
  bind(client) {
    client.setResume?.(this.resumePoints());
    for (const type of ['snapshot', 'event', 'presence']) {
      client.addEventListener(type, (e) => this.apply(/** @type {CustomEvent} */ (e).detail));
    }
    return this;
  }

  /** A copy of the state to keep (e.g. in localStorage so that a reload can resume). */
  toJSON() {
    return { streams: Object.fromEntries(this.streams), seqs: Object.fromEntries(this.seqs) };
  }

  /** @param {any} saved what toJSON returned */
  restore(saved) {
    if (!saved || typeof saved !== 'object') return false;
    this.streams = new Map(Object.entries(saved.streams ?? {}));
    this.seqs = new Map(Object.entries(saved.seqs ?? {}).map(([k, v]) => [k, Number(v)]));
    for (const s of this.streams.keys()) this._changed(s);
    return true;
  }

  /** @param {string} stream @param {any} [event] */
  _changed(stream, event) {
    this.dispatchEvent(new CustomEvent('change', { detail: { stream, event } }));
  }
}
