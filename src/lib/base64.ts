const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Decodes standard base64 (as in a Secret's `data`) to a UTF-8 string;
 * undefined when the input is not valid base64. Runs without DOM or Node.
 *
 * @example decodeBase64('aGk=') // 'hi'
 */
export function decodeBase64(input: string): string | undefined {
  const s = input.replace(/\s+/g, '');
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return undefined;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const n = [0, 1, 2, 3].map((k) => (s[i + k] === '=' ? 0 : ALPHABET.indexOf(s[i + k])));
    const v = (n[0] << 18) | (n[1] << 12) | (n[2] << 6) | n[3];
    bytes.push((v >> 16) & 255);
    if (s[i + 2] !== '=') bytes.push((v >> 8) & 255);
    if (s[i + 3] !== '=') bytes.push(v & 255);
  }
  return decodeUtf8(bytes);
}

/** UTF-8 bytes → string (invalid sequences become U+FFFD). */
export function decodeUtf8(b: readonly number[]): string {
  let out = '';
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    const need = c < 0x80 ? 0 : c >> 5 === 6 ? 1 : c >> 4 === 14 ? 2 : c >> 3 === 30 ? 3 : -1;
    if (need < 0 || i + need >= b.length + (need === 0 ? 1 : 0) && need > 0) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = need === 0 ? c : c & (0x3f >> need);
    for (let k = 1; k <= need; k++) cp = (cp << 6) | (b[i + k] & 0x3f);
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}
