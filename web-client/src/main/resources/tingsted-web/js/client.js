// @ts-check
import { LIMITS } from './contract.js';
/**
 * The Tingsted WebSocket client (protocol tingsted.v1, see docs/protocol.md): joins with a
 * token, resumes from the last seq per stream, delivers events in seq order, keeps unacked
 * commands in a persistent outbox and resends them with their original ids after a reconnect,
 * and estimates the clock offset to the server for countdowns.
 *
 * Resume points are kept in storage; a page that does not keep its state across a reload
 * should call `new Store().bind(client)` (or `client.setResume({})`) before `connect()`, so
 * that it gets snapshots instead of only the events after its last seq.
 *
 * The pure helpers (buildCommand, commands, validateCommand, seqAction, clockSample,
 * backoffDelay) are exported so that they can be tested without a WebSocket.
 */

export const SUBPROTOCOL = 'tingsted.v1';

/** Texts a person writes, and their limits in code points: the protocol's, in contract.js. */
export { LIMITS };

/** @param {string} s */
export function codePointLength(s) {
  return [...s].length;
}

/**
 * Cuts what was typed into a field at its limit: `data-limit` names the limit (a key of
 * LIMITS, e.g. `title`), counted in characters as the protocol counts them. The browser's
 * maxlength counts UTF-16 units and would stop a title of emoji at half its length.
 * @param {HTMLInputElement | HTMLTextAreaElement} el
 */
export function keepWithinLimit(el) {
  const name = el?.dataset?.limit;
  const limit = name ? /** @type {Record<string, number>} */ (LIMITS)[name] : undefined;
  if (limit && codePointLength(el.value) > limit) el.value = [...el.value].slice(0, limit).join('');
}

/**
 * The whole message for a command: type, id, then the fields. Fields that are undefined are
 * left out; null is kept (moveToCluster writes `cluster: null` to take a proposal out).
 * @param {string} type @param {string} id @param {Record<string, any>} [fields]
 */
export function buildCommand(type, id, fields = {}) {
  /** @type {Record<string, any>} */
  const msg = { type, id };
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined && k !== 'type' && k !== 'id') msg[k] = v;
  }
  return msg;
}

/** @param {Record<string, any>} o */
function defined(o) {
  /** @type {Record<string, any>} */
  const r = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) r[k] = v;
  return r;
}

/**
 * Field builders for the commands the apps send, in the wire's shape. Each takes one object
 * and returns the command's fields (without type and id).
 * @type {Record<string, (f: any) => Record<string, any>>}
 */
export const commands = {
  propose: ({ table, title, text }) => defined({ table, title, text }),
  edit: ({ table, proposal, version, title, text }) => defined({ table, proposal, version, title, text }),
  withdraw: ({ table, proposal }) => defined({ table, proposal }),
  comment: ({ table, proposal, kind, text, replyTo }) => defined({ table, proposal, kind, text, replyTo: replyTo || undefined }),
  // The server wants the list even when it is empty.
  createCluster: ({ table, name, proposals }) => defined({ table, name, proposals: proposals ?? [] }),
  renameCluster: ({ table, cluster, name }) => defined({ table, cluster, name }),
  moveToCluster: ({ table, proposal, cluster }) => ({ ...defined({ table, proposal }), cluster: cluster || null }),
  mergeClusters: ({ table, from, into }) => defined({ table, from, into }),
  dissolveCluster: ({ table, cluster }) => defined({ table, cluster }),
  castBallot: ({ table, vote, ballot }) => defined({ table, vote, ballot }),
  raiseHand: ({ table }) => defined({ table }),
  lowerHand: ({ table, member }) => defined({ table, member }),
  endTurn: ({ table }) => defined({ table }),
  castFinalBallot: ({ vote, choices }) => defined({ vote, choices }),
  history: ({ stream, fromSeq, limit }) => defined({ stream, fromSeq, limit }),
  clock: ({ clientTime }) => ({ clientTime }),
};

/**
 * Checks the texts of a command before it is sent, so that the UI can say what is wrong
 * without a round trip. Returns null when fine, else {code, field, limit?}.
 * @param {string} type @param {Record<string, any>} f
 * @returns {null | {code: 'invalid' | 'too_large', field: string, limit?: number}}
 */
export function validateCommand(type, f) {
  /** @type {Array<[string, number, boolean]>} field, limit, required */
  const checks = {
    propose: [['title', LIMITS.title, true], ['text', LIMITS.text, true]],
    edit: [['title', LIMITS.title, false], ['text', LIMITS.text, false]],
    comment: [['text', LIMITS.commentText, true]],
    createCluster: [['name', LIMITS.clusterName, true]],
    renameCluster: [['name', LIMITS.clusterName, true]],
    hide: [['reason', LIMITS.reason, true]],
    restore: [['reason', LIMITS.reason, true]],
    announce: [['text', LIMITS.announcement, true]],
  }[type] ?? [];
  for (const [field, limit, required] of checks) {
    const v = f[field];
    if (v === undefined || v === null) {
      if (required) return { code: 'invalid', field };
      continue;
    }
    if (typeof v !== 'string' || v.trim() === '') return { code: 'invalid', field };
    if (codePointLength(v) > limit) return { code: 'too_large', field, limit };
  }
  if (type === 'edit' && f.title === undefined && f.text === undefined) return { code: 'invalid', field: 'title' };
  return null;
}

/**
 * What to do with an event of `seq` when `last` was applied on its stream.
 * @param {number | undefined} last @param {number} seq
 * @returns {'apply' | 'skip' | 'gap'}
 */
export function seqAction(last, seq) {
  const l = last ?? 0;
  if (seq === l + 1) return 'apply';
  if (seq <= l) return 'skip';
  return 'gap';
}

/**
 * One clock sample: the reply to a `clock` sent at local `clientTime`, received at local `t`.
 * @param {number} clientTime @param {number} serverTime @param {number} t
 */
export function clockSample(clientTime, serverTime, t) {
  const rtt = Math.max(0, t - clientTime);
  return { rtt, offset: serverTime - (clientTime + rtt / 2) };
}

/** Reconnect delay: 10 ms doubling to 5 s. @param {number} attempt from 0 */
export function backoffDelay(attempt) {
  return Math.min(5000, 10 * 2 ** Math.min(attempt, 20));
}

/** @param {string} s a short, stable key for storage from a token */
export function storageKey(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

function localNow() {
  const p = globalThis.performance;
  return p && typeof p.timeOrigin === 'number' ? Math.round(p.timeOrigin + p.now()) : Date.now();
}

function defaultUrl() {
  const loc = globalThis.location;
  if (!loc) return 'ws://localhost/ws';
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/ws`;
}

/** @returns {Storage} */
function memoryStorage() {
  const m = new Map();
  return /** @type {any} */ ({
    getItem: (/** @type {string} */ k) => (m.has(k) ? m.get(k) : null),
    setItem: (/** @type {string} */ k, /** @type {string} */ v) => { m.set(k, String(v)); },
    removeItem: (/** @type {string} */ k) => { m.delete(k); },
  });
}

/** Commands that are answered at once or not at all; never kept in the outbox. */
const TRANSIENT = new Set(['clock', 'history', 'hello']);
/** Error codes after which a command is tried again later, with the same id. */
const RETRY_CODES = new Set(['rate_limited', 'internal']);

/**
 * @typedef {{id: string, type: string, fields: Record<string, any>, at: number}} OutboxItem
 * @typedef {{type: 'ack', id: string, stream?: string, seq?: number}} Ack
 */

export class TingstedClient extends EventTarget {
  /**
   * @param {{token: string, member?: string, device?: 'room' | 'remote', url?: string, storage?: Storage,
   *   WebSocketImpl?: any, persistentResume?: boolean, clockSamples?: number}} options
   *   token: the session credential sent in hello; member: who it is (e.g. "<assembly>.<member>"),
   *   which keys what is kept, so that a new session of the same person resumes where the last one was
   */
  constructor({ token, member, device = 'room', url, storage, WebSocketImpl, persistentResume = true, clockSamples = 5 }) {
    super();
    this.token = token;
    this.device = device;
    this.url = url ?? defaultUrl();
    /** @type {Storage} */
    this.storage = storage ?? safeLocalStorage() ?? memoryStorage();
    this.WebSocketImpl = WebSocketImpl ?? globalThis.WebSocket;
    this.clockSamples = clockSamples;
    const key = storageKey(member ?? token);
    this.outboxKey = `tingsted.outbox.${key}`;
    this.resumeKey = `tingsted.resume.${key}`;
    /** @type {'connecting' | 'online' | 'offline' | 'replaced'} */
    this._state = 'offline';
    /** @type {any} */
    this.ws = null;
    this.attempt = 0;
    this.closedByUser = false;
    /** True once the server refused the credential: the client does not retry. */
    this.unauthorized = false;
    /** Why: 'revoked' (4410), 'expired' (4440), or undefined (4401 or an error). @type {string | undefined} */
    this.refusal = undefined;
    /** True once a newer connection of the same person replaced this one (4409): it waits to be asked. */
    this.replaced = false;
    /** @type {any} */
    this.welcome = null;
    /** @type {Record<string, number>} */
    this.lastSeq = persistentResume ? this._read(this.resumeKey, {}) : {};
    /** @type {OutboxItem[]} */
    this.outbox = this._read(this.outboxKey, []);
    /** @type {Map<string, {resolve: (a: any) => void, reject: (e: any) => void}>} */
    this.waiting = new Map();
    /** @type {Set<string>} ids sent on the current connection */
    this.inFlight = new Set();
    this.prefix = Math.random().toString(36).slice(2, 7);
    this.counter = 0;
    /** @type {{rtt: number, offset: number}[]} */
    this.samples = [];
    this.offset = 0;
    /** @type {any[]} */
    this.timers = [];
    this.reconnectTimer = /** @type {any} */ (null);
    this.clockTimer = /** @type {any} */ (null);
    this.retryTimer = /** @type {any} */ (null);
    this.helloId = '';
  }

  get state() { return this._state; }
  /** @returns {{id: string, name: string, role: string} | null} */
  get me() { return this.welcome?.member ?? null; }
  /** @returns {string | undefined} */
  get table() { return this.welcome?.table; }
  /** @returns {string | undefined} */
  get session() { return this.welcome?.session; }
  /** @returns {string | undefined} */
  get assembly() { return this.welcome?.assembly; }
  /** The streams named in welcome, with their seq then. @returns {Record<string, number>} */
  get streams() { return this.welcome?.streams ?? {}; }

  /** The last seq applied per stream (what `resume` will send). */
  resumePoints() { return { ...this.lastSeq }; }

  /**
   * Replaces the resume points, e.g. with the seqs of state restored from storage; a stream
   * left out gets a snapshot on the next connect.
   * @param {Record<string, number>} seqs
   */
  setResume(seqs) {
    this.lastSeq = { ...seqs };
    this._write(this.resumeKey, this.lastSeq);
  }

  connect() {
    if (this.unauthorized) return;
    this.closedByUser = false;
    this.replaced = false;
    clearTimeout(this.reconnectTimer);
    this._open();
  }

  close() {
    this.closedByUser = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.retryTimer);
    this._stopClock();
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      try { ws.close(1000); } catch { /* already closed */ }
    }
    this._setState('offline');
  }

  /**
   * Sends a command; it is kept in the outbox until acked or refused.
   * @param {string} type @param {Record<string, any>} [fields]
   * @returns {Promise<Ack>}
   */
  send(type, fields = {}) {
    const id = this._nextId();
    const builder = commands[type];
    const f = builder ? builder(fields) : fields;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      if (TRANSIENT.has(type)) {
        if (!this._sendNow(buildCommand(type, id, f))) {
          this.waiting.delete(id);
          reject({ code: 'offline', message: 'not connected' });
        }
        return;
      }
      this.outbox.push({ id, type, fields: f, at: Date.now() });
      this._saveOutbox();
      if (this._state === 'online') this._sendItem(this.outbox[this.outbox.length - 1]);
    });
  }

  /** Commands not acknowledged yet, oldest first (to show "sending…"). @returns {OutboxItem[]} */
  pending() {
    return this.outbox.map((o) => ({ ...o, fields: { ...o.fields } }));
  }

  /** Server time now, ms. */
  serverNow() {
    return localNow() + this.offset;
  }

  /**
   * @param {string} stream @param {number} fromSeq @param {number} [limit]
   * @returns {Promise<any>}
   */
  history(stream, fromSeq, limit) {
    return this.send('history', { stream, fromSeq, limit });
  }

  _nextId() {
    this.counter += 1;
    return `${this.prefix}-${Date.now().toString(36)}-${this.counter}`;
  }

  /** @param {string} state */
  _setState(state) {
    if (this._state === state) return;
    this._state = /** @type {any} */ (state);
    this._emit('state', { state });
  }

  /** @param {string} type @param {any} detail */
  _emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }

  _open() {
    const old = this.ws;
    if (old) {
      this.ws = null;
      try { old.close(1000); } catch { /* ignore */ }
    }
    this._setState('connecting');
    this.inFlight.clear();
    let ws;
    try {
      ws = new this.WebSocketImpl(this.url, SUBPROTOCOL);
    } catch {
      this._scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.helloId = this._nextId();
      /** @type {Record<string, any>} */
      const hello = { token: this.token, device: this.device };
      if (Object.keys(this.lastSeq).length > 0) hello.resume = { ...this.lastSeq };
      ws.send(JSON.stringify(buildCommand('hello', this.helloId, hello)));
    };
    ws.onmessage = (/** @type {{data: any}} */ e) => {
      if (this.ws !== ws) return;
      let msg;
      try { msg = JSON.parse(e.data); } catch { return; }
      if (msg && typeof msg === 'object') this._receive(msg);
    };
    ws.onclose = (/** @type {{code?: number}} */ e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this._stopClock();
      if (e && e.code === 4401) this._refuse({ type: 'error', code: 'unauthorized', message: 'closed 4401' });
      // The link was revoked (a new one issued), or the session expired: no reconnect will help.
      if (e && e.code === 4410) this._refuse({ type: 'error', code: 'unauthorized', reason: 'revoked', message: 'closed 4410' });
      if (e && e.code === 4440) this._refuse({ type: 'error', code: 'unauthorized', reason: 'expired', message: 'closed 4440' });
      if (e && e.code === 4409) {
        // The person opened Tingsted on more screens than the server keeps: this, the oldest,
        // was closed. Reconnecting by itself would close another: the person chooses.
        this.replaced = true;
        this._setState('replaced');
        return;
      }
      if (this.closedByUser || this.unauthorized) {
        this._setState('offline');
        return;
      }
      this._setState('offline');
      this._scheduleReconnect();
    };
    ws.onerror = () => { /* onclose follows */ };
  }

  _scheduleReconnect() {
    if (this.closedByUser || this.unauthorized || this.replaced) return;
    clearTimeout(this.reconnectTimer);
    const delay = backoffDelay(this.attempt);
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => this._open(), delay);
  }

  /** Drops the connection and connects again at once (a gap, a move to another table). */
  reconnect() {
    if (this.unauthorized) return;
    this.closedByUser = false;
    this.replaced = false;
    this.attempt = 0;
    this._open();
  }

  /** @param {any} msg */
  _refuse(msg) {
    // The error to hello comes before the close code that says why: that one is told again.
    if (this.unauthorized && (this.refusal || !msg.reason)) return;
    this.unauthorized = true;
    this.refusal = msg.reason;
    clearTimeout(this.reconnectTimer);
    this._emit('unauthorized', msg);
  }

  /** @param {any} msg */
  _receive(msg) {
    switch (msg.type) {
      case 'welcome': return this._onWelcome(msg);
      case 'snapshot': {
        if (typeof msg.stream !== 'string') return;
        this.lastSeq[msg.stream] = msg.seq;
        this._write(this.resumeKey, this.lastSeq);
        this._emit('snapshot', msg);
        return;
      }
      case 'event': return this._onEvent(msg);
      case 'presence': return this._emit('presence', msg);
      case 'console': return this._emit('console', msg);
      case 'ack': return this._onAck(msg);
      case 'error': return this._onError(msg);
      case 'clock': return this._onClock(msg);
      case 'history': {
        const w = this.waiting.get(msg.id);
        if (w) { this.waiting.delete(msg.id); w.resolve(msg); }
        return;
      }
      default:
    }
  }

  /** @param {any} msg */
  _onWelcome(msg) {
    this.welcome = msg;
    this.attempt = 0;
    this.samples = [];
    this.offset = msg.serverTime - localNow();
    this._setState('online');
    this._emit('welcome', msg);
    for (const item of this.outbox) this._sendItem(item);
    this._startClock();
  }

  /** @param {any} msg */
  _onEvent(msg) {
    const action = seqAction(this.lastSeq[msg.stream], msg.seq);
    if (action === 'skip') return;
    if (action === 'gap') {
      this.reconnect();
      return;
    }
    this.lastSeq[msg.stream] = msg.seq;
    this._write(this.resumeKey, this.lastSeq);
    this._emit('event', msg);
    if (msg.kind === 'memberMoved' && this.me && msg.data?.member === this.me.id) {
      // The new welcome names the new table; its stream then comes as a snapshot.
      queueMicrotask(() => this.reconnect());
    }
  }

  /** @param {any} msg */
  _onAck(msg) {
    this._removeFromOutbox(msg.id);
    const w = this.waiting.get(msg.id);
    if (w) { this.waiting.delete(msg.id); w.resolve(msg); }
    this._emit('ack', msg);
  }

  /** @param {any} msg */
  _onError(msg) {
    if (msg.code === 'unauthorized' && (!msg.id || msg.id === this.helloId)) {
      this._refuse(msg);
      this._emit('error', msg);
      return;
    }
    const item = msg.id ? this.outbox.find((o) => o.id === msg.id) : undefined;
    if (item && RETRY_CODES.has(msg.code)) {
      this.inFlight.delete(item.id);
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => {
        if (this._state === 'online') for (const o of this.outbox) this._sendItem(o);
      }, 2000);
      return;
    }
    const w = msg.id ? this.waiting.get(msg.id) : undefined;
    if (item) this._removeFromOutbox(item.id);
    if (w) {
      this.waiting.delete(msg.id);
      w.reject({ code: msg.code, message: msg.message, command: item });
    }
    if (item) this._emit('commandError', { command: item, error: msg, handled: !!w });
    else if (!w) this._emit('error', msg);
  }

  /** @param {any} msg */
  _onClock(msg) {
    const w = this.waiting.get(msg.id);
    if (w) { this.waiting.delete(msg.id); w.resolve(msg); }
    const sample = clockSample(msg.clientTime, msg.serverTime, localNow());
    this.samples.push(sample);
    if (this.samples.length > 8) this.samples.shift();
    const best = this.samples.reduce((a, b) => (b.rtt < a.rtt ? b : a));
    this.offset = best.offset;
    this._emit('clock', { offset: this.offset, rtt: best.rtt });
  }

  _startClock() {
    this._stopClock();
    for (let i = 0; i < this.clockSamples; i++) {
      this.timers.push(setTimeout(() => this._ping(), i * 100));
    }
    this.clockTimer = setInterval(() => this._ping(), 60000);
  }

  _stopClock() {
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    clearInterval(this.clockTimer);
  }

  _ping() {
    if (this._state !== 'online') return;
    const id = this._nextId();
    this._sendNow(buildCommand('clock', id, { clientTime: localNow() }));
  }

  /** @param {OutboxItem} item */
  _sendItem(item) {
    if (this.inFlight.has(item.id)) return;
    if (this._sendNow(buildCommand(item.type, item.id, item.fields))) this.inFlight.add(item.id);
  }

  /** @param {any} msg */
  _sendNow(msg) {
    if (!this.ws || this._state !== 'online') return false;
    try {
      this.ws.send(JSON.stringify(msg));
      return true;
    } catch {
      return false;
    }
  }

  /** @param {string} id */
  _removeFromOutbox(id) {
    const before = this.outbox.length;
    this.outbox = this.outbox.filter((o) => o.id !== id);
    this.inFlight.delete(id);
    if (this.outbox.length !== before) this._saveOutbox();
  }

  _saveOutbox() {
    this._write(this.outboxKey, this.outbox);
    this._emit('outbox', { pending: this.pending() });
  }

  /** @param {string} key @param {any} fallback */
  _read(key, fallback) {
    try {
      const raw = this.storage.getItem(key);
      return raw ? JSON.parse(raw) : fallback;
    } catch {
      return fallback;
    }
  }

  /** @param {string} key @param {any} value */
  _write(key, value) {
    try { this.storage.setItem(key, JSON.stringify(value)); } catch { /* storage full or denied */ }
  }
}

function safeLocalStorage() {
  try {
    const s = globalThis.localStorage;
    if (s) { s.getItem('tingsted.probe'); return s; }
  } catch { /* denied (private mode) */ }
  return null;
}
