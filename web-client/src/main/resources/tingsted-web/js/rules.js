// @ts-check
/**
 * The table's rules as the member app needs them before it sends anything: which actions the
 * phase opens to members, and whether a ballot fits its vote. The phase windows and the scale
 * come from the server (contract.js, written from deliberation/Phases.java); the ballot check
 * mirrors BallotRules.java, and both sides are checked against the same cases in
 * protocol/src/test/resources/rules/, so that a screen never offers what the server refuses,
 * nor refuses what it would take.
 */
import { PHASE_WINDOWS, SCALE } from './contract.js';

export { PHASE_WINDOWS };

/**
 * Whether the phase lets a person of this role give the command. Facilitators act in any phase;
 * before the agenda starts (no phase) everything is open; commands without a window are never
 * held back by the phase.
 * @param {string} command @param {string | null | undefined} phase @param {string} role
 */
export function phaseAllows(command, phase, role) {
  if (!phase || role === 'facilitator' || role === 'lead_facilitator') return true;
  const open = /** @type {Record<string, string[]>} */ (PHASE_WINDOWS)[command];
  return !open || open.includes(phase);
}

/**
 * Why a ballot does not fit its vote, as a problem code with figures, or null when it does.
 * Codes: shape, unknownItem, negative, overCap, empty, overBudget, twice, rating.
 * @param {{method: string, items: string[], dotsPerMember?: number, capPerItem?: number}} vote
 * @param {{dots?: Record<string, number>, order?: string[], scale?: Record<string, number>}} ballot
 * @returns {null | {code: string, item?: string, total?: number, limit?: number}}
 */
export function ballotProblem(vote, ballot) {
  const parts = ['dots', 'order', 'scale'].filter((k) => /** @type {any} */ (ballot)?.[k] != null);
  if (parts.length !== 1) return { code: 'shape' };
  const want = vote.method === 'dots' ? 'dots' : vote.method === 'ranking' ? 'order' : 'scale';
  if (parts[0] !== want) return { code: 'shape' };
  const known = (/** @type {string} */ item) => vote.items.includes(item);
  if (ballot.dots) {
    let total = 0;
    for (const [item, n] of Object.entries(ballot.dots)) {
      if (!known(item)) return { code: 'unknownItem', item };
      if (!Number.isInteger(n) || n < 0) return { code: 'negative', item };
      if (n > (vote.capPerItem ?? 0)) return { code: 'overCap', item, limit: vote.capPerItem };
      total += n;
    }
    if (total < 1) return { code: 'empty' };
    if (total > (vote.dotsPerMember ?? 0)) return { code: 'overBudget', total, limit: vote.dotsPerMember };
    return null;
  }
  if (ballot.order) {
    if (ballot.order.length === 0) return { code: 'empty' };
    const seen = new Set();
    for (const item of ballot.order) {
      if (!known(item)) return { code: 'unknownItem', item };
      if (seen.has(item)) return { code: 'twice', item };
      seen.add(item);
    }
    return null;
  }
  const scale = /** @type {Record<string, number>} */ (ballot.scale);
  if (Object.keys(scale).length === 0) return { code: 'empty' };
  for (const [item, n] of Object.entries(scale)) {
    if (!known(item)) return { code: 'unknownItem', item };
    if (!Number.isInteger(n) || n < SCALE.min || n > SCALE.max) return { code: 'rating', item };
  }
  return null;
}
