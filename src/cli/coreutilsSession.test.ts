import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/k8s/index';
import { createShell, memoryFiles } from '../shell/index';

// session.expected is what each line of session.txt printed in a real bash 5.2 with GNU
// coreutils 9.1 on an 80-column terminal (LC_ALL=C), run in an empty folder.
const root = join(dirname(fileURLToPath(import.meta.url)), 'coreutilsCases');

/** What the lines of `name`.txt print in a fresh shell over empty files: both streams in the order written, as the terminal showed them. */
function session(name: string): string {
  const files: Record<string, string> = {};
  const shell = createShell({ cluster: createCluster({ seed: 1 }), files: memoryFiles(() => files, (n, text) => ((files[n] = text), undefined), (n) => delete files[n]) });
  let out = '';
  const sink = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t) };
  for (const line of readFileSync(join(root, `${name}.txt`), 'utf8').split('\n').filter(Boolean)) {
    out += `$ ${line}\n`;
    shell.run(line, sink);
  }
  return out;
}

describe('file commands print what GNU coreutils and bash print', () => {
  it('a session of mkdir, touch, ls, rmdir, rm, cp and mv, byte for byte', () => {
    expect(session('session')).toBe(readFileSync(join(root, 'session.expected'), 'utf8'));
  });

  // long.expected has the real owner replaced by the playground's (learner) and each time by DATE.
  it('ls -l, -la, -lh, -lS, -ld and -lR: modes, links, sizes, totals and their alignment', () => {
    const out = session('long').replace(/ [A-Z][a-z]{2} [ 0-9]{2} [0-9]{2}:[0-9]{2} /g, ' DATE ');
    expect(out).toBe(readFileSync(join(root, 'long.expected'), 'utf8'));
  });
});
