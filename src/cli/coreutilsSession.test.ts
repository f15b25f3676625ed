import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/k8s/index';
import { createShell, memoryFiles } from '../shell/index';

// session.expected is what each line of session.txt printed in a real bash 5.2 with GNU
// coreutils 9.1 on an 80-column terminal (LC_ALL=C), run in an empty folder.
const root = join(dirname(fileURLToPath(import.meta.url)), 'coreutilsCases');

describe('file commands print what GNU coreutils and bash print', () => {
  it('a session of mkdir, touch, ls, rmdir, rm, cp and mv, byte for byte', () => {
    const files: Record<string, string> = {};
    const shell = createShell({ cluster: createCluster({ seed: 1 }), files: memoryFiles(() => files, (name, text) => ((files[name] = text), undefined), (name) => delete files[name]) });
    // Both streams in the order written, as the terminal showed them.
    let out = '';
    const sink = { stdout: (t: string) => (out += t), stderr: (t: string) => (out += t) };
    for (const line of readFileSync(join(root, 'session.txt'), 'utf8').split('\n').filter(Boolean)) {
      out += `$ ${line}\n`;
      shell.run(line, sink);
    }
    expect(out).toBe(readFileSync(join(root, 'session.expected'), 'utf8'));
  });
});
