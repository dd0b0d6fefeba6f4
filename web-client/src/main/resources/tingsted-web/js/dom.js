// @ts-check
/**
 * Small DOM helpers for the member app. Text is always set with textContent: nothing a
 * person wrote is ever parsed as HTML.
 */

/**
 * Makes an element. `attrs` keys: `text` (textContent), `on<event>` (listeners), `dataset`
 * (object), booleans (set as present/absent), everything else as attributes.
 * @param {string} tag @param {Record<string, any>} [attrs] @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** Sets textContent only when it changed (keeps screen readers and selections calm). @param {Element} el @param {string} text */
export function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

/** @param {Element} el @param {string} name @param {string | null | undefined} value */
export function setAttr(el, name, value) {
  if (value === null || value === undefined) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== value) {
    el.setAttribute(name, value);
  }
}

/**
 * Keeps a container's children in the order of `items`, reusing the element made for each
 * key so that focus, typed text and open forms survive updates. An element is moved only
 * when it is out of place.
 * @template T
 * @param {Element} container
 * @param {T[]} items
 * @param {(item: T) => string} key
 * @param {(item: T) => HTMLElement} create
 * @param {(el: HTMLElement, item: T) => void} update
 * @param {Map<string, HTMLElement>} [cache] elements by key; pass one to share elements between containers
 */
export function syncList(container, items, key, create, update, cache) {
  const known = cache ?? /** @type {Map<string, HTMLElement>} */ (/** @type {any} */ (container)._sync ??= new Map());
  const wanted = new Set();
  /** @type {Element | null} */
  let cursor = container.firstElementChild;
  for (const item of items) {
    const k = key(item);
    wanted.add(k);
    let el = known.get(k);
    if (!el) {
      el = create(item);
      el.dataset.key = k;
      known.set(k, el);
    }
    update(el, item);
    if (el === cursor) {
      cursor = cursor.nextElementSibling;
    } else {
      container.insertBefore(el, cursor);
    }
  }
  for (const child of [...container.children]) {
    const k = /** @type {HTMLElement} */ (child).dataset.key;
    if (k === undefined || !wanted.has(k)) {
      child.remove();
      if (!cache && k !== undefined) known.delete(k);
    }
  }
}

/** A unique id for label/for pairs. @param {string} prefix */
let seq = 0;
export function uid(prefix) {
  seq += 1;
  return `${prefix}-${seq}`;
}
