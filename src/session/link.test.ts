import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeScenario, encodeScenario, jsonDepth, LINK_LIMITS } from './link';
import { typicalScenario } from './typicalScenario.testkit';

/** Deflates through the same web stream the codec uses (zlib format), `chunks` copies of `data`. */
async function deflate(data: string | Uint8Array<ArrayBuffer>, chunks = 1): Promise<Uint8Array> {
  const bytes: Uint8Array<ArrayBuffer> = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const stream = new CompressionStream('deflate');
  const writer = stream.writable.getWriter();
  void (async () => {
    for (let i = 0; i < chunks; i++) await writer.write(bytes);
    await writer.close();
  })();
  return new Uint8Array(await new Response(stream.readable).arrayBuffer());
}
const packed = (bytes: Uint8Array) => `v1.${Buffer.from(bytes).toString('base64url')}`;
const errorOf = async (fragment: string) => {
  const r = await decodeScenario(fragment);
  return r.ok ? undefined : r.error;
};

describe('share-link codec', () => {
  it('round-trips a scenario', async () => {
    const s = typicalScenario();
    const link = await encodeScenario(s);
    expect(link.startsWith('v1.')).toBe(true);
    expect(link).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(await decodeScenario(link)).toEqual({ ok: true, scenario: s });
    expect(await decodeScenario(`#${link}`)).toEqual({ ok: true, scenario: s });
  });

  it('fits a typical scenario (3 files, 20 commands) in under 2,000 characters', async () => {
    const link = await encodeScenario(typicalScenario());
    expect(link.length).toBeLessThan(2000);
  });

  it('round-trips arbitrary file contents and command lines', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 200 }), { maxLength: 5 }), fc.array(fc.string({ maxLength: 80 }).filter((l) => !/[\r\n]/.test(l)), { maxLength: 10 }), async (contents, lines) => {
        const s = { ...typicalScenario(), files: contents.map((content, i) => ({ name: `f${i}.yaml`, content })), log: lines.map((line, i) => ({ at: i, line })), endAt: lines.length };
        expect(await decodeScenario(await encodeScenario(s))).toEqual({ ok: true, scenario: s });
      }),
      { numRuns: 50 },
    );
  });

  it('says a link from a newer Kubeplay needs a newer page', async () => {
    expect(await errorOf('v2.abc')).toMatch(/newer Kubeplay \(link format 2; this page reads up to 1\)/);
  });

  it('says a text without the version prefix is not a scenario link', async () => {
    expect(await errorOf('hello')).toMatch(/not a Kubeplay scenario link/);
    expect(await errorOf('')).toMatch(/not a Kubeplay scenario link/);
  });

  it('says a truncated link is damaged', async () => {
    const link = await encodeScenario(typicalScenario());
    for (const cut of [link.length - 1, link.length - 7, Math.floor(link.length / 2), 4]) {
      expect(await errorOf(link.slice(0, cut))).toMatch(/damaged/);
    }
  });

  it('never opens a tampered link as a different scenario: a changed character gives a message (the zlib checksum), or the same scenario when it only hit the padding bits of deflate', async () => {
    const link = await encodeScenario(typicalScenario());
    let refused = 0;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 3, max: link.length - 2 }), fc.integer({ min: 1, max: 63 }), async (i, shift) => {
        const c = alphabet[(alphabet.indexOf(link[i]) + shift) % 64];
        const r = await decodeScenario(link.slice(0, i) + c + link.slice(i + 1));
        if (r.ok) expect(r.scenario).toEqual(typicalScenario());
        else refused++;
      }),
      { numRuns: 100 },
    );
    expect(refused).toBeGreaterThan(90);
  });

  it('answers random text and random bytes with a message, never a throw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (s) => {
        expect((await decodeScenario(s)).ok).toBe(false);
        expect((await decodeScenario(`v1.${s}`)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 500 }), async (bytes) => {
        expect((await decodeScenario(packed(bytes))).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('stops inflating a decompression bomb at the 1 MB limit (100 MB of zeros packed in ~100 KB)', async () => {
    const bomb = await deflate(new Uint8Array(1_000_000).fill(0x20), 100);
    const link = packed(bomb);
    expect(link.length).toBeLessThan(LINK_LIMITS.encodedChars);
    const before = process.memoryUsage().arrayBuffers;
    expect(await errorOf(link)).toMatch(/unpacks to more than 1 MB/);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(50_000_000);
  });

  it('refuses a link longer than the encoded limit before decoding it', async () => {
    expect(await errorOf(`v1.${'A'.repeat(LINK_LIMITS.encodedChars)}`)).toMatch(/too long/);
  });

  it('refuses deeply nested data before parsing it', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(await errorOf(packed(await deflate(deep)))).toMatch(/nested deeper than 16 levels/);
    expect(jsonDepth('{"a":"[[[[[[[[[[[[[[[[[[[[","b":[[1]]}', 16)).toBe(3);
  });

  it('refuses valid JSON that is not a scenario, naming the problem', async () => {
    expect(await errorOf(packed(await deflate('[1,2,3]')))).toMatch(/a scenario must be a JSON object/);
    expect(await errorOf(packed(await deflate('{"version":1,"log":"x"}')))).toMatch(/log must be a list/);
    expect(await errorOf(packed(await deflate(new Uint8Array([0xff, 0xfe, 0x00]))))).toMatch(/not UTF-8/);
  });

  it('keeps <script> and event handlers in names and contents as inert text', async () => {
    const s = typicalScenario();
    s.files[0] = { name: '<script>alert(1)</script>.yaml', content: 'metadata:\n  annotations:\n    x: "<img src=x onerror=alert(1)>"\n' };
    const r = await decodeScenario(await encodeScenario(s));
    expect(r.ok && r.scenario.files[0]).toEqual(s.files[0]);
  });
});
