// @ts-check
/**
 * What a person has typed or arranged and not yet sent, kept in the browser per member and
 * stream, so that a reload or a dropped connection loses nothing: the text in every field with a
 * data-keep key, and unsent ballots. An entry is cleared once its command is in the client's
 * outbox (which keeps it until the server acknowledges it), and put back if the server refuses.
 */

export class Keeper {
  /** @param {string} key localStorage key, one per member (see client.js storageKey) */
  constructor(key) {
    this.key = key;
    /** @type {Record<string, Record<string, any>>} stream -> field -> value */
    this.data = {};
    try { this.data = JSON.parse(globalThis.localStorage?.getItem(key) ?? '{}') ?? {}; } catch { this.data = {}; }
  }

  /** @param {string} stream @param {string} field */
  get(stream, field) {
    return this.data[stream]?.[field];
  }

  /** Keeps a value; an empty text or null forgets it. @param {string} stream @param {string} field @param {any} value */
  set(stream, field, value) {
    if (!stream) return;
    const empty = value === null || value === undefined || value === '';
    if (empty) {
      if (!this.data[stream] || !(field in this.data[stream])) return;
      delete this.data[stream][field];
      if (Object.keys(this.data[stream]).length === 0) delete this.data[stream];
    } else {
      (this.data[stream] ??= {})[field] = value;
    }
    this._save();
  }

  /** @param {string} stream @param {string} field */
  clear(stream, field) {
    this.set(stream, field, null);
  }

  /** Forgets everything kept for a stream (the member moved to another table). @param {string} stream */
  drop(stream) {
    if (!this.data[stream]) return;
    delete this.data[stream];
    this._save();
  }

  _save() {
    try { globalThis.localStorage?.setItem(this.key, JSON.stringify(this.data)); } catch { /* storage full or denied */ }
  }
}
