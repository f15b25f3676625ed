/**
 * The share-link codec: a scenario as a URL-fragment string,
 * `v1.` + base64url(deflate(JSON)). Decoding treats the text as hostile:
 * every size is bounded, inflating stops past the limit, and any fault
 * becomes a message (never an exception).
 */
import { parseScenario, type Scenario } from './scenario';

/** The codec version written before the first dot. */
export const LINK_VERSION = 1;

export const LINK_LIMITS = {
  /** Characters of the encoded text accepted at all. */
  encodedChars: 2_000_000,
  /** Bytes of JSON a link may inflate to; inflating stops past it. */
  decodedBytes: 1_000_000,
  /** Nesting of JSON arrays and objects (a scenario needs 4). */
  depth: 16,
} as const;

export type DecodeResult = { ok: true; scenario: Scenario } | { ok: false; error: string };

/** The web streams' compression (browsers, Node 18+), typed here so this layer needs no DOM types. */
interface ByteStream {
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> } };
}
interface StreamsGlobal {
  CompressionStream: new (format: 'deflate') => ByteStream;
  DecompressionStream: new (format: 'deflate') => ByteStream;
  TextEncoder: new () => { encode(s: string): Uint8Array };
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(b: Uint8Array): string };
}
const web = globalThis as unknown as StreamsGlobal;

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64INDEX = new Map([...B64URL].map((c, i) => [c, i]));

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64URL[(n >> 18) & 63] + B64URL[(n >> 12) & 63];
    if (i + 1 < bytes.length) out += B64URL[(n >> 6) & 63];
    if (i + 2 < bytes.length) out += B64URL[n & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (const c of text) {
    const v = B64INDEX.get(c);
    if (v === undefined) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out.subarray(0, o);
}

async function collect(stream: ByteStream, input: Uint8Array, limit: number): Promise<Uint8Array | 'tooBig'> {
  const writer = stream.writable.getWriter();
  // Not awaited: the reader below drains the output, so writing cannot stall on backpressure. Errors surface through read().
  writer.write(input).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!value) continue;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return 'tooBig';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Deepest nesting of arrays/objects in JSON text (strings skipped); stops counting past `max`. */
export function jsonDepth(json: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) return deepest;
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/** Encodes a scenario for a URL fragment. */
export async function encodeScenario(scenario: Scenario): Promise<string> {
  const json = new web.TextEncoder().encode(JSON.stringify(scenario));
  const packed = await collect(new web.CompressionStream('deflate'), json, Infinity);
  return `v${LINK_VERSION}.${toBase64Url(packed as Uint8Array)}`;
}

/**
 * Decodes a link's fragment (with or without the leading `#`) into a
 * scenario, or a message saying why it cannot be opened. Never throws.
 */
export async function decodeScenario(fragment: string): Promise<DecodeResult> {
  try {
    return await decode(fragment);
  } catch (e) {
    return { ok: false, error: `this link cannot be opened: ${e instanceof Error ? e.message : String(e)}` };
  }
}

async function decode(fragment: string): Promise<DecodeResult> {
  const bad = (why: string): DecodeResult => ({ ok: false, error: `this link cannot be opened: ${why}` });
  if (typeof fragment !== 'string') return bad('it is not text');
  if (fragment.length > LINK_LIMITS.encodedChars) return bad(`it is too long (${fragment.length} characters; at most ${LINK_LIMITS.encodedChars})`);
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const m = /^v(\d{1,6})\.(.*)$/s.exec(text);
  if (!m) return bad('it is not a Kubeplay scenario link (no version prefix such as "v1.")');
  const version = Number(m[1]);
  if (version > LINK_VERSION) return bad(`it was made by a newer Kubeplay (link format ${version}; this page reads up to ${LINK_VERSION}): reload the page to update`);
  if (version < 1) return bad(`unknown link format ${version}`);
  const bytes = fromBase64Url(m[2]);
  if (!bytes || bytes.length === 0) return bad('it is damaged (not valid base64url): was it cut short when copied?');
  const inflated = await collect(new web.DecompressionStream('deflate'), bytes, LINK_LIMITS.decodedBytes).catch(() => undefined);
  if (inflated === 'tooBig') return bad(`it unpacks to more than ${LINK_LIMITS.decodedBytes / 1_000_000} MB`);
  if (!inflated) return bad('it is damaged (the compressed data is incomplete or altered): was it cut short when copied?');
  let json: string;
  try {
    json = new web.TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return bad('it is damaged (not UTF-8 text)');
  }
  if (jsonDepth(json, LINK_LIMITS.depth) > LINK_LIMITS.depth) return bad(`its data is nested deeper than ${LINK_LIMITS.depth} levels`);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return bad('it is damaged (not valid JSON)');
  }
  const parsed = parseScenario(value);
  return parsed.ok ? parsed : bad(parsed.error);
}
