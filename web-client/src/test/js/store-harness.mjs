// Feeds event sequences made by the Java model to the web client's store and writes the states
// it ends with, for StoreMirrorTest (server module) to compare with the Java boards. Run as
// `node store-harness.mjs <in.json> <out.json>`; without arguments it does nothing.
// in: [{stream: "table:t" | "session:s", events: [{kind, data, at, by}]}]; out: [state].
// vectors.test.mjs compares the store with the Java model through `comparable` too.
import { readFileSync, writeFileSync } from 'node:fs';
import { applySessionEvent, applyTableEvent, emptySession, emptyTable } from '../../main/resources/tingsted-web/js/store.js';

/** What the store keeps for the app alone, which the server's board does not have. */
const APP_ONLY = ['moderation'];

/**
 * A stream's state as the Java model's board is compared with it: as JSON (so no undefined
 * fields), less what only the app keeps.
 * @param {any} state
 */
export function comparable(state) {
  const json = JSON.parse(JSON.stringify(state));
  for (const field of APP_ONLY) delete json[field];
  return json;
}

const [input, output] = process.argv.slice(2);
if (input && output) {
  const runs = JSON.parse(readFileSync(input, 'utf8'));
  const states = runs.map(({ stream, events }) => {
    const [kind, id] = [stream.slice(0, stream.indexOf(':')), stream.slice(stream.indexOf(':') + 1)];
    const s = kind === 'table' ? emptyTable(id) : emptySession(id);
    let seq = 0;
    for (const e of events) {
      const ev = { stream, seq: ++seq, at: e.at, by: e.by, kind: e.kind, data: e.data };
      if (kind === 'table') applyTableEvent(/** @type {any} */ (s), ev);
      else applySessionEvent(/** @type {any} */ (s), ev);
    }
    return comparable(s);
  });
  writeFileSync(output, JSON.stringify(states));
}
