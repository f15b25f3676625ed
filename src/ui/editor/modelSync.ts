import type * as Monaco from 'monaco-editor/editor';

/** The smallest single replacement that turns `before` into `after`: offsets into `before` and the new text. */
export function textChange(before: string, after: string): { start: number; end: number; text: string } {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

/**
 * Puts text that changed outside the editor (a template added, files
 * restored) into a model as one undoable edit of only the part that
 * changed, so the cursor and the undo history survive.
 */
export function applyExternalText(model: Monaco.editor.ITextModel, text: string): void {
  const { start, end, text: inserted } = textChange(model.getValue(), text);
  const from = model.getPositionAt(start);
  const to = model.getPositionAt(end);
  model.pushStackElement();
  model.pushEditOperations([], [{ range: { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column }, text: inserted }], () => null);
  model.pushStackElement();
}
