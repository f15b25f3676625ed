import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCoverageIndex, parseStatus } from './conformanceIndex';
import { CONFORMANCE_S_AREAS } from './conformanceTestnames';

/**
 * Every conformance behaviour classed S has a row in its area's index, and a
 * `covered` row names scenario scripts that exist and have goldens (which
 * play.test.ts replays). Rows that are not covered say why.
 */
const scenarios = resolve(dirname(fileURLToPath(import.meta.url)), 'scenarios');
const dir = join(scenarios, 'conformance');

describe('conformance index format', () => {
  it('reads the three statuses and rejects a missing reason', () => {
    expect(parseStatus('covered')).toEqual({ type: 'covered' });
    expect(parseStatus('not faithful: no real network')).toEqual({ type: 'not faithful', reason: 'no real network' });
    expect(parseStatus('pending: waits on PriorityClass')).toEqual({ type: 'pending', reason: 'waits on PriorityClass' });
    expect(parseStatus('not faithful:')).toBe('"not faithful" needs a reason');
    expect(parseStatus('done')).toMatch(/^status must be/);
  });

  it('flags a covered row without a script and a script that is not a .script', () => {
    const text = '| Testname | Scripts | Status |\n|---|---|---|\n| A | | covered |\n| B | b.yaml | covered |\n| C | c.script | covered |\n';
    const parsed = parseCoverageIndex(text);
    expect(parsed.rows.map((r) => r.testname)).toEqual(['A', 'B', 'C']);
    expect(parsed.errors).toEqual(['line 3 (A): covered but names no script', 'line 4 (B): not a .script path: b.yaml']);
  });
});

describe('conformance coverage', () => {
  for (const [area, { index, testnames }] of Object.entries(CONFORMANCE_S_AREAS)) {
    it(`${index} lists every S testname of ${area} once, with existing scripts and goldens`, () => {
      const path = join(dir, index);
      expect(existsSync(path), `${index} is missing`).toBe(true);
      const { rows, errors } = parseCoverageIndex(readFileSync(path, 'utf8'));
      const problems = [...errors];
      const seen = new Set<string>();
      for (const row of rows) {
        if (seen.has(row.testname)) problems.push(`line ${row.line}: ${row.testname} listed twice`);
        seen.add(row.testname);
        if (!testnames.includes(row.testname)) problems.push(`line ${row.line}: "${row.testname}" is not an S testname of ${area}`);
        for (const script of row.scripts) {
          const full = resolve(dir, script);
          if (relative(scenarios, full).startsWith('..')) problems.push(`line ${row.line}: ${script} is outside the scenarios folder`);
          else if (!existsSync(full)) problems.push(`line ${row.line}: ${script} does not exist`);
          else if (!existsSync(full.replace(/\.script$/, '.expected'))) problems.push(`line ${row.line}: ${script} has no .expected golden`);
        }
      }
      for (const name of testnames) if (!seen.has(name)) problems.push(`missing row: ${name}`);
      expect(problems).toEqual([]);
    });
  }

  it('every conformance script is named by some index row', () => {
    const referenced = new Set<string>();
    for (const { index } of Object.values(CONFORMANCE_S_AREAS)) {
      const path = join(dir, index);
      if (!existsSync(path)) continue;
      for (const row of parseCoverageIndex(readFileSync(path, 'utf8')).rows) for (const s of row.scripts) referenced.add(resolve(dir, s));
    }
    const scripts = readdirSync(dir).filter((f) => f.endsWith('.script'));
    expect(scripts.filter((s) => !referenced.has(join(dir, s)))).toEqual([]);
  });
});
