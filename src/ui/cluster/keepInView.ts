/**
 * Scrolls `container` (the cluster drawing's scroller) the least it takes to
 * show `target` whole — or its top, when it is taller than the view — with a
 * small margin. Returns the new scrollTop (unchanged when already in view).
 */
export function keepInView(container: HTMLElement, target: Element, margin = 8): number {
  const view = container.getBoundingClientRect();
  const box = target.getBoundingClientRect();
  const top = box.top - view.top;
  const bottom = box.bottom - view.top;
  let next = container.scrollTop;
  if (top < margin) next += top - margin;
  else if (bottom > view.height - margin) next += Math.min(top - margin, bottom - view.height + margin);
  if (next !== container.scrollTop) container.scrollTop = Math.max(0, next);
  return container.scrollTop;
}
