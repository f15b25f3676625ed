import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario, SCENARIO_LIMITS } from './scenario';
import { typicalScenario } from './typicalScenario.testkit';

const errorOf = (v: unknown) => {
  const r = parseScenario(v);
  return r.ok ? undefined : r.error;
};

describe('parseScenario', () => {
  it('accepts a well-formed scenario unchanged', () => {
    const s = typicalScenario();
    expect(parseScenario(JSON.parse(JSON.stringify(s)))).toEqual({ ok: true, scenario: s });
  });

  it('fills defaults for an empty version-1 object: no files, default cluster, seed 1', () => {
    expect(parseScenario({ version: 1, log: [] })).toEqual({ ok: true, scenario: { version: 1, files: [], cluster: {}, seed: 1, log: [], endAt: 0 } });
  });

  it('says a newer format needs a newer page', () => {
    expect(errorOf({ version: 2, log: [] })).toMatch(/newer Kubeplay \(format 2; this page reads up to 1\)/);
  });

  it('reads file entries (a file\'s text from then on; no content: it did not exist) and fractional times', () => {
    const log = [{ at: 0.5, file: 'web.yaml', content: 'a: 1\n' }, { at: 1.25, file: 'old.yaml' }, { at: 2, line: 'kubectl apply -f web.yaml' }];
    expect(parseScenario({ version: 1, log })).toMatchObject({ ok: true, scenario: { log } });
    expect(errorOf({ version: 1, log: [{ at: 0, file: '', content: 'x' }] })).toMatch(/log\[0\]\.file must be a non-empty name/);
    expect(errorOf({ version: 1, log: [{ at: 0, file: 'a', content: 7 }] })).toMatch(/log\[0\]\.content must be a string/);
    expect(errorOf({ version: 1, log: [{ at: 0, file: 'a', line: 'x' }] })).toMatch(/unknown field "line"/);
  });

  it('names the field that is wrong', () => {
    expect(errorOf({ version: 1, log: [{ at: -1, line: 'x' }] })).toMatch(/log\[0\]\.at must be a time in ms from 0/);
    expect(errorOf({ version: 1, log: [{ at: 5, line: 'a' }, { at: 2, line: 'b' }] })).toMatch(/goes back in time/);
    expect(errorOf({ version: 1, log: [], cluster: { workers: 100000 } })).toMatch(/cluster\.workers must be a whole number from 1 to 200/);
    expect(errorOf({ version: 1, log: [], cluster: { nodeMemory: '8 GB' } })).toMatch(/memory quantity/);
    expect(errorOf({ version: 1, log: [], files: [{ name: 'a', content: 'x' }, { name: 'a', content: 'y' }] })).toMatch(/two files are named "a"/);
    expect(errorOf({ version: 1, log: [{ at: 0, line: 'a\r\nb' }] })).toMatch(/carriage return/);
    expect(errorOf({ version: 1, log: [{ at: 0, line: 'kubectl apply -f - <<EOF\nkind: Pod\nEOF' }] })).toBeUndefined();
    expect(errorOf({ version: 1, log: [], __proto__x: 1 })).toMatch(/unknown field "__proto__x"/);
    expect(errorOf({ version: 1, log: [{ at: 3, line: 'a' }], endAt: 1 })).toMatch(/endAt \(1\) is before the last command/);
  });

  it('refuses more files, commands or characters than the bounds', () => {
    const files = Array.from({ length: SCENARIO_LIMITS.files + 1 }, (_, i) => ({ name: `f${i}`, content: '' }));
    expect(errorOf({ version: 1, log: [], files })).toMatch(/too many files: 51 \(at most 50\)/);
    const log = Array.from({ length: SCENARIO_LIMITS.commands + 1 }, () => ({ at: 0, line: 'kubectl get pods' }));
    expect(errorOf({ version: 1, log })).toMatch(/too many commands: 2001 \(at most 2000\)/);
    expect(errorOf({ version: 1, log: [], files: [{ name: 'big', content: 'x'.repeat(SCENARIO_LIMITS.fileChars + 1) }] })).toMatch(/longer than 262144 characters/);
  });

  it('keeps markup in names and lines as plain data', () => {
    const name = '<img src=x onerror=alert(1)>.yaml';
    const r = parseScenario({ version: 1, files: [{ name, content: '<script>alert(1)</script>' }], log: [{ at: 0, line: 'kubectl get pods <script>' }] });
    expect(r.ok && r.scenario.files[0].name).toBe(name);
  });

  it('never throws, whatever JSON it is given', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseScenario(v);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.record({ version: fc.constant(1), log: fc.array(fc.record({ at: fc.anything(), line: fc.anything(), cancel: fc.anything() }, { requiredKeys: [] })), files: fc.anything(), cluster: fc.anything() }, { requiredKeys: ['version'] }), (v) => {
        expect(typeof parseScenario(v).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
