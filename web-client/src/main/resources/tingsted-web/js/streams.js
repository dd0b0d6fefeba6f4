// @ts-check
/**
 * The names of streams, as the server writes them (its StreamId; the prefixes come from
 * contract.js): a table's board is `table:<table>`, a session day's stream `session:<session>`.
 */
import { STREAM_PREFIXES } from './contract.js';

/** @param {string} table */
export function tableStream(table) { return STREAM_PREFIXES.table + table; }

/** @param {string} session */
export function sessionStream(session) { return STREAM_PREFIXES.session + session; }

/**
 * The kind and id of the stream a name names, or null when it names none.
 * @param {string | null | undefined} name
 * @returns {{kind: 'table' | 'session', id: string} | null}
 */
export function parseStream(name) {
  if (typeof name !== 'string') return null;
  for (const kind of /** @type {('table' | 'session')[]} */ (['table', 'session'])) {
    const prefix = STREAM_PREFIXES[kind];
    if (name.startsWith(prefix) && name.length > prefix.length) return { kind, id: name.slice(prefix.length) };
  }
  return null;
}

/** The table of a table stream, or null. @param {string | null | undefined} name */
export function tableOf(name) {
  const parsed = parseStream(name);
  return parsed?.kind === 'table' ? parsed.id : null;
}
