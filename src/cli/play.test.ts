import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../sim/k8s/index';
import { preloadShellData } from '../shell/index';
import { normalizeAges } from './normalizeAges';
import { diskFilesFor, withWrittenFiles } from './diskFiles';
import { runScript, scriptLines } from './runScript';

/**
 * Headless scenario tests: each `scenarios/NAME.script` (and each
 * `scenarios/conformance/NAME.script`, the conformance behaviours indexed in
 * that folder's *.md) runs through the same code as `npm run play` and its
 * transcript must equal `NAME.expected` beside it, ages normalised.
 * `UPDATE_SCENARIOS=1 npx vitest run src/cli` rewrites the expected files
 * (review the diff before committing).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), 'scenarios');
const folders = ['', 'conformance'];
const scripts = folders.flatMap((sub) =>
  readdirSync(join(root, sub))
    .filter((f) => f.endsWith('.script'))
    .sort()
    .map((f) => (sub ? `${sub}/${f}` : f)),
);

function play(name: string): string {
  const path = join(root, name);
  const dir = dirname(path);
  const text = readFileSync(path, 'utf8');
  const seed = /^#\s*seed:\s*(\d+)/m.exec(text);
  let out = '';
  runScript(text, { cluster: createCluster({ seed: seed ? Number(seed[1]) : 1 }), files: withWrittenFiles(diskFilesFor(dir), dir), write: (t) => (out += t) });
  return out;
}

beforeAll(preloadShellData);

describe('headless scenarios', () => {
  it('skips blank lines and comments', () => {
    expect(scriptLines('\n# a comment\nkubectl get pods\n   \n  # indented comment\nsleep 1s\n')).toEqual(['kubectl get pods', 'sleep 1s']);
  });

  it('normalises ages without touching names', () => {
    expect(normalizeAges('web-5d7c9   1/1     Running   0          2m30s\nweb   3h')).toBe('web-5d7c9  1/1  Running  0  <age>\nweb  <age>');
  });

  for (const script of scripts) {
    it(`replays ${script}`, () => {
      const actual = play(script);
      const expectedPath = join(root, script.replace(/\.script$/, '.expected'));
      if (process.env.UPDATE_SCENARIOS || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
      expect(normalizeAges(actual)).toBe(normalizeAges(readFileSync(expectedPath, 'utf8')));
    });
  }
});
