// @ts-check
/**
 * A gentle signal when time is up: two soft tones and a short vibration, off by default and
 * switched on per device (kept in localStorage), since a room of 36 tablets chiming at once is
 * noise, and one facilitator's or a member at home may want it.
 */

const KEY = 'tingsted.chime';

/** Whether this device wants the signal. */
export function chimeEnabled() {
  try { return globalThis.localStorage?.getItem(KEY) === 'on'; } catch { return false; }
}

/** @param {boolean} on */
export function setChimeEnabled(on) {
  try { globalThis.localStorage?.setItem(KEY, on ? 'on' : 'off'); } catch { /* storage denied */ }
}

/** @type {AudioContext | null} */
let audio = null;

/** The page's audio, made on first use. @returns {AudioContext | null} */
function context() {
  const Ctx = /** @type {any} */ (globalThis).AudioContext ?? /** @type {any} */ (globalThis).webkitAudioContext;
  if (!Ctx) return null;
  audio ??= new Ctx();
  return audio;
}

/**
 * Browsers let a page play sound only after a person touched it. A page that had the chime
 * switched on before a reload is not touched again before time runs out, so it readies its
 * audio at the first tap or key press.
 */
export function unlockAudio() {
  const unlock = () => {
    if (!chimeEnabled()) return;
    try {
      const a = context();
      if (a && a.state === 'suspended') a.resume().catch(() => {});
    } catch { /* no sound here */ }
  };
  globalThis.addEventListener?.('pointerdown', unlock, { once: true, capture: true });
  globalThis.addEventListener?.('keydown', unlock, { once: true, capture: true });
}

/** Plays the signal when this device wants it; never throws. */
export function chime() {
  if (!chimeEnabled()) return;
  try {
    const a = context();
    if (a) {
      if (a.state === 'suspended') a.resume().catch(() => {});
      [660, 880].forEach((freq, i) => {
        const start = a.currentTime + i * 0.35;
        const osc = a.createOscillator();
        const gain = a.createGain();
        osc.type = 'sine';
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.08, start + 0.05);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
        osc.connect(gain).connect(a.destination);
        osc.start(start);
        osc.stop(start + 0.32);
      });
    }
  } catch { /* no sound here */ }
  try { globalThis.navigator?.vibrate?.(200); } catch { /* no vibration here */ }
}
