/** Saves `text` as a file named `name` (a Blob URL on a temporary link; nothing leaves the browser). */
export function downloadText(name: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Reads a dropped or chosen file as text, refusing files past `maxBytes` before reading them. */
export async function readTextFile(file: File, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; tooBig: true }> {
  if (file.size > maxBytes) return { ok: false, tooBig: true };
  return { ok: true, text: await file.text() };
}
