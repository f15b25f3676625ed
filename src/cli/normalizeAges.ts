/**
 * Makes transcripts comparable across engine changes that move time a
 * little: every kubectl duration (`5s`, `2m30s`, `3h`, `4d2h`) becomes
 * `<age>`, and since that changes column widths, runs of two or more spaces
 * collapse to two.
 */
export function normalizeAges(text: string): string {
  return text
    .replace(/(?<![\w.:/-])\d+(?:s|m(?:\d+s)?|h(?:\d+m)?|d(?:\d+h)?|y(?:\d+d)?)(?![\w.:/-])/g, '<age>')
    .replace(/ {2,}/g, '  ')
    .replace(/ +$/gm, (m) => (m.length > 0 ? ' ' : ''));
}
