import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCluster, parseManifests, type KubeObject } from '../sim/k8s/index';
import { diskFilesFor } from './diskFiles';
import { runScript } from './runScript';

/**
 * Every real third-party manifest in `src/scenarios/examples/kubernetes/`
 * (copied from ../shared/examples) applied with `kubectl apply -f` on a fresh
 * default cluster: documents of served kinds are created; the others get
 * kubectl's `no matches for kind` error; a missing namespace gets the API
 * server's NotFound; nothing crashes and time can run on afterwards.
 */
const dir = join(dirname(fileURLToPath(import.meta.url)), '../scenarios/examples/kubernetes');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

function play(lines: string[]): string {
  let out = '';
  const cluster = createCluster({ seed: 1 });
  runScript(lines.join('\n'), { cluster, files: diskFilesFor(dir), write: (t) => (out += t) });
  cluster.advance(120_000);
  return out;
}

describe('the shared example manifests', () => {
  it('are all here', () => {
    expect(files).toHaveLength(41);
  });

  it.each(files)('%s applies as on a real cluster', (file) => {
    const docs = parseManifests(readFileSync(join(dir, file), 'utf8')).documents.map((d) => d.value as KubeObject);
    const registry = createCluster().resources;
    const out = play([`kubectl apply -f ${file}`]);
    expect(out).not.toMatch(/play: engine fault|TypeError|undefined is not/);
    for (const obj of docs) {
      const info = registry.forKind(obj.apiVersion, obj.kind);
      const name = obj.metadata.name;
      if (!info) {
        expect(out).toContain(`resource mapping not found for name: "${name}" namespace: "${obj.metadata.namespace ?? ''}" from "${file}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first`);
        continue;
      }
      const kindGroup = info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase();
      const ns = obj.metadata.namespace;
      if (ns && !['default', 'kube-system', 'kube-public', 'kube-node-lease'].includes(ns) && !docs.some((d) => d.kind === 'Namespace' && d.metadata.name === ns)) {
        expect(out).toContain(`Error from server (NotFound): error when creating "${file}": namespaces "${ns}" not found`);
      } else {
        expect(out).toContain(`${kindGroup}/${name} created`);
      }
    }
  });

  it('a served-only file with a Deployment ends with its pods Running', () => {
    let out = '';
    const cluster = createCluster({ seed: 3 });
    runScript('kubectl apply -f k8s-website__controllers-nginx-deployment.yaml\nsleep 90s\nkubectl get deploy nginx-deployment', { cluster, files: diskFilesFor(dir), write: (t) => (out += t) });
    expect(out).toMatch(/nginx-deployment {3}3\/3 {5}3 {12}3 {11}90s/);
  });
});
