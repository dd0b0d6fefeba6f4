// The wire contract shared by the generator and every peer (see README.md): hello and
// welcome, command and ack, one event per command to every connection at the table, and
// errors with a code. This module parses and encodes; table.js keeps a table's state.

/** The command types the stateful peers apply; anything else is `unknown_type`. */
export const COMMANDS = new Set(['propose', 'comment', 'createCluster', 'moveToCluster', 'castBallot']);

/** An error message; `id` is the command's id when it had a string one, else null. */
export function error(id, code, message) {
  return { type: 'error', id: typeof id === 'string' ? id : null, code, message };
}

/**
 * Checks that a decoded message is a JSON object with string `type` and `id`.
 * Returns the message, or an `invalid` error to send back.
 */
export function checkMessage(msg) {
  if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) {
    return { error: error(null, 'invalid', 'a message is a JSON object') };
  }
  if (typeof msg.type !== 'string' || typeof msg.id !== 'string') {
    return { error: error(msg.id, 'invalid', 'a message has a string type and a string id') };
  }
  return { msg };
}

/** Decodes one text frame; returns { msg } or { error }. */
export function parseText(text) {
  let msg;
  try {
    msg = JSON.parse(text);
  } catch {
    return { error: error(null, 'invalid', 'not JSON') };
  }
  return checkMessage(msg);
}

/**
 * Reads the seat of a hello's token `<tableIndex>.<memberIndex>` (two non-negative integers);
 * returns { table, member } or null.
 */
export function seatOf(token) {
  if (typeof token !== 'string') return null;
  const m = /^(\d{1,9})\.(\d{1,9})$/.exec(token);
  return m ? { table: Number(m[1]), member: Number(m[2]) } : null;
}

/** The command object without `type` and `id`: the event's data. */
export function dataOf(cmd) {
  const { type, id, ...data } = cmd;
  return data;
}

/** Reads the port from the first argument or PORT (0 picks a free one). */
export function portFromArgs() {
  const raw = process.argv[2] ?? process.env.PORT ?? '0';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`not a port: ${raw}`);
    process.exit(2);
  }
  return port;
}
