import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster } from '../sim/k8s/index';
import { preloadShellData } from '../shell/index';
import { diskFilesFor } from './diskFiles';
import { runScript } from './runScript';

// Each folder is a kustomization; its .expected file is what the real kubectl 1.32.4 printed
// for `kubectl kustomize` there (standard error, the deprecation warnings, first).
const root = join(dirname(fileURLToPath(import.meta.url)), 'kustomizeCases');
const cases = readdirSync(root).filter((f) => statSync(join(root, f)).isDirectory());

beforeAll(preloadShellData);

describe('kubectl kustomize prints what kubectl 1.32 prints', () => {
  for (const name of cases) {
    it(name, () => {
      let out = '';
      runScript(`kubectl kustomize ${name}`, { cluster: createCluster({ seed: 1 }), files: diskFilesFor(root), write: (t) => (out += t) });
      expect(out).toBe(`$ kubectl kustomize ${name}\n${readFileSync(join(root, `${name}.expected`), 'utf8')}`);
    });
  }
});
