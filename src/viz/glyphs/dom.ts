/**
 * Writes that happen only when the value differs: the drawing is redrawn on
 * every cluster change, and a write (even of the same value) makes the
 * browser recompute style and lay the element out again.
 */

/** Sets (or, for null, removes) an attribute when it differs. */
export function setAttr(el: Element | null, name: string, value: string | number | null): void {
  if (!el) return;
  const text = value === null ? null : String(value);
  if (el.getAttribute(name) === text) return;
  if (text === null) el.removeAttribute(name);
  else el.setAttribute(name, text);
}

/** Sets an element's text when it differs. */
export function setText(el: Element | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}
