// @ts-check
// Entering with a join link. The link's credential (the part after #) is exchanged at once for
// a session credential (POST /session), then taken out of the address bar, so that it is not
// in the history, not shown over a shoulder, and not sent with every connection. The session
// credential is kept in sessionStorage: it survives a reload of the tab but not its closing,
// which on a shared room tablet is what ends one person's turn; the next person opens their
// own card. What a person typed and not yet sent stays in localStorage, keyed by member.

/** Where the session credential is kept in sessionStorage. */
export const SESSION_KEY = 'tingsted.session';

/**
 * @typedef {{session: string, expires: number, assembly: string, member: string, role: string}} Held
 * @typedef {'none' | 'revoked' | 'expired' | 'invalid' | 'offline'} Problem
 */

/** @returns {Storage | null} */
function sessionStore() {
  try {
    const s = globalThis.sessionStorage;
    if (s) { s.getItem(SESSION_KEY); return s; }
  } catch { /* denied */ }
  return null;
}

/** Takes the credential out of the address, leaving the page and its query. */
function clearAddress() {
  const loc = globalThis.location;
  if (loc?.hash && globalThis.history?.replaceState) {
    globalThis.history.replaceState(globalThis.history.state, '', loc.pathname + loc.search);
  }
}

/**
 * The session this page opened with: exchanged from the link in the address, or kept from
 * before in this tab; or why there is none ('offline' when the server could not be asked:
 * the link stays in the address, so that trying again works).
 * @param {{fetchImpl?: typeof fetch, storage?: Storage | null, now?: number}} [options]
 * @returns {Promise<{held?: Held, problem?: Problem}>}
 */
export async function enter({ fetchImpl = globalThis.fetch, storage = sessionStore(), now = Date.now() } = {}) {
  const fragment = decodeURIComponent(globalThis.location?.hash?.slice(1) ?? '');
  // A credential has dots ("v1.<kid>.<payload>.<mac>", or an older "<payload>.<mac>"); a
  // fragment without one is a place in the page (the console's "#move"), not a link.
  const link = fragment.includes('.') ? fragment : '';
  if (link) {
    let response;
    try {
      response = await fetchImpl('/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ link }),
        cache: 'no-store',
      });
    } catch {
      return { problem: 'offline' };
    }
    if (response.status === 401) {
      clearAddress();
      forget(storage);
      const body = await response.json().catch(() => ({}));
      return { problem: body?.reason === 'revoked' ? 'revoked' : 'invalid' };
    }
    if (!response.ok) return { problem: 'offline' };
    /** @type {Held} */
    const held = await response.json();
    try { storage?.setItem(SESSION_KEY, JSON.stringify(held)); } catch { /* storage denied: this page only */ }
    clearAddress();
    return { held };
  }
  /** @type {Held | null} */
  let kept = null;
  try { kept = JSON.parse(storage?.getItem(SESSION_KEY) ?? 'null'); } catch { kept = null; }
  if (!kept || typeof kept.session !== 'string') return { problem: 'none' };
  if (typeof kept.expires === 'number' && kept.expires <= now) {
    forget(storage);
    return { problem: 'expired' };
  }
  return { held: kept };
}

/** Forgets the kept session (refused, revoked or expired). @param {Storage | null} [storage] */
export function forget(storage = sessionStore()) {
  try { storage?.removeItem(SESSION_KEY); } catch { /* ignore */ }
}

/** The i18n key that tells the person what to do. @param {Problem | 'unauthorized'} problem */
export function problemKey(problem) {
  switch (problem) {
    case 'revoked': return 'join.revoked';
    case 'expired': return 'join.expired';
    case 'offline': return 'join.offline';
    case 'none': return 'join.noToken';
    default: return 'join.badToken';
  }
}
