// @ts-check
// Building and updating the console's DOM without innerHTML. Views are plain functions that
// build a fresh element tree from the state; `patch` then brings the live tree in line with it,
// keeping the live nodes (and so focus, caret, open <details> and what someone is typing).
// Event handlers are not attached to built nodes: the console listens once, on the document,
// and reads what to do from data-action and the other data-* attributes (see console.js).

/**
 * @typedef {string | number | boolean | null | undefined | Node | Child[]} Child
 * @typedef {Record<string, any>} Props
 */

/**
 * Makes an element. Props become attributes, except: `text` (textContent), `value`,
 * `checked`, `selected` (properties), `data` (an object of data-* attributes). A prop of
 * `false`, `null` or `undefined` is left out; `true` gives an empty attribute.
 * Strings among the children become text nodes: nothing is ever parsed as HTML.
 * @param {string} tag
 * @param {Props} [props]
 * @param {...Child} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === 'text') el.textContent = String(value);
    else if (name === 'value') /** @type {HTMLInputElement} */ (el).value = String(value);
    else if (name === 'checked') /** @type {HTMLInputElement} */ (el).checked = Boolean(value);
    else if (name === 'selected') /** @type {HTMLOptionElement} */ (el).selected = Boolean(value);
    else if (name === 'data') {
      for (const [k, v] of Object.entries(value)) {
        if (v !== null && v !== undefined && v !== false) el.dataset[k] = String(v);
      }
    } else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** @param {Node} parent @param {Child[]} children */
function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false || child === true) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

/** @param {string} value @param {string} label @param {boolean} [selected] */
export function option(value, label, selected = false) {
  return h('option', { value, selected }, label);
}

const CONTROLS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * Replaces the children of `live` with `children`, reusing live nodes where they match (same
 * tag, same data-key). What a person typed into a form control is left alone, unless the new
 * control carries data-sync (it mirrors server state) and is not focused.
 * @param {Element} live
 * @param {Child[]} children
 */
export function patch(live, children) {
  const next = document.createElement(live.tagName);
  append(next, children);
  const focused = document.activeElement;
  patchChildren(live, next);
  if (focused instanceof HTMLElement && focused.isConnected && document.activeElement !== focused) {
    focused.focus({ preventScroll: true });
  }
}

/** @param {Element} from @param {Element} to */
function patchElement(from, to) {
  for (const attr of [...from.attributes]) {
    if (!to.hasAttribute(attr.name) && !(attr.name === 'open' && from.tagName === 'DETAILS')
        && attr.name !== 'style') {
      from.removeAttribute(attr.name);
    }
  }
  for (const attr of [...to.attributes]) {
    if (from.getAttribute(attr.name) !== attr.value) from.setAttribute(attr.name, attr.value);
  }
  if (CONTROLS.has(from.tagName)) {
    const control = /** @type {HTMLInputElement} */ (from);
    const fresh = /** @type {HTMLInputElement} */ (to);
    const sync = to.hasAttribute('data-sync') && document.activeElement !== from;
    if (from.tagName === 'SELECT') {
      const wantedValue = sync ? fresh.value : control.value;
      patchChildren(from, to);
      control.value = wantedValue;
      if (control.value !== wantedValue) control.value = fresh.value;
      return;
    }
    if (sync) {
      if (control.type === 'checkbox' || control.type === 'radio') control.checked = fresh.checked;
      else if (control.value !== fresh.value) control.value = fresh.value;
    }
    if (from.tagName === 'TEXTAREA') return;
  }
  patchChildren(from, to);
}

/** @param {Element} from @param {Element} to */
function patchChildren(from, to) {
  /** @type {Map<string, Element>} */
  const keyed = new Map();
  for (const child of from.children) {
    const key = child.getAttribute('data-key');
    if (key !== null) keyed.set(`${child.tagName}#${key}`, child);
  }
  const wanted = [...to.childNodes];
  let index = 0;
  for (const node of wanted) {
    const current = from.childNodes[index] ?? null;
    /** @type {Node | null} */
    let match = null;
    if (node instanceof Element && node.hasAttribute('data-key')) {
      match = keyed.get(`${node.tagName}#${node.getAttribute('data-key')}`) ?? null;
      if (match) keyed.delete(`${node.tagName}#${node.getAttribute('data-key')}`);
    } else if (current && current.nodeType === node.nodeType) {
      if (node instanceof Element) {
        if (current instanceof Element && current.tagName === node.tagName && !current.hasAttribute('data-key')) {
          match = current;
        }
      } else {
        match = current;
      }
    }
    if (match) {
      if (match !== current) from.insertBefore(match, current);
      if (node instanceof Element) patchElement(/** @type {Element} */ (match), node);
      else if (match.nodeValue !== node.nodeValue) match.nodeValue = node.nodeValue;
    } else {
      from.insertBefore(node, current);
    }
    index++;
  }
  while (from.childNodes.length > index) /** @type {ChildNode} */ (from.lastChild).remove();
}
