/** cli-runtime `WriteEscaped`: terminal-unsafe characters made visible (`ESC` → `^[`, CR → `\r`). */
export function writeEscaped(s: string): string {
  if (!s.includes('\x1b') && !s.includes('\r')) return s;
  return s.split('\x1b').join('^[').split('\r').join('\\r');
}
