const HEX = '0123456789abcdef';

/**
 * client-go names an Event `<object name>.<%x of the time in ns>`; the
 * sub-millisecond part comes from the event's creation resourceVersion,
 * which keeps the name unique.
 */
export function eventName(objectName: string | undefined, firstAtMs: number, createRv: number): string {
  const ms = Math.floor(firstAtMs);
  const sub = (createRv * 1009) % 1_000_000;
  const xh = Math.floor(ms / 1048576);
  let lo = (ms % 1048576) * 1_000_000 + sub;
  const hi = xh * 1_000_000 + Math.floor(lo / 1048576);
  lo %= 1048576;
  return `${objectName}.${hi.toString(16)}${lo.toString(16).padStart(5, '0')}`;
}

/** A v4-shaped uid derived from the seed's salt and the event's creation resourceVersion (stable, unique). */
export function eventUid(salt: number, createRv: number): string {
  let h = (salt ^ Math.imul(createRv, 0x9e3779b1)) >>> 0;
  let out = '';
  for (let w = 0; w < 4; w++) {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    for (let k = 28; k >= 0; k -= 4) out += HEX[(h >>> k) & 15];
    h = (h + 0x9e3779b9 + w) >>> 0;
  }
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-4${out.slice(13, 16)}-${HEX[(parseInt(out[16], 16) & 3) | 8]}${out.slice(17, 20)}-${out.slice(20, 32)}`;
}
