import { describe, expect, it } from 'vitest';
import { world } from '../../../testing/harness';
import type { KubeObject } from '../../api/types';

const ds = (image: string, limit = 10) => `
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  revisionHistoryLimit: ${limit}
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: "${image}"}]
`;
type Rev = KubeObject & { revision: number };
const revisions = (w: ReturnType<typeof world>) => w.client.list<Rev>('controllerrevisions.apps', { namespace: 'default' }).map((r) => [r.metadata.name, r.revision, r.metadata.labels?.['controller-revision-hash']] as const).sort((a, b) => a[1] - b[1]);

describe('DaemonSet ControllerRevisions', () => {
  it('records each template once as <ds>-<hash>, and pods carry that hash', () => {
    const w = world().apply(ds('nginx:1.27')).advance('30s');
    const [[name, revision, hash]] = revisions(w);
    expect(revision).toBe(1);
    expect(name).toBe(`agent-${hash}`);
    expect(w.pods('app=agent').map((p) => p.metadata.labels?.['controller-revision-hash'])).toEqual([hash, hash, hash]);
    w.apply(ds('nginx:1.27.3')).advance('2m');
    expect(revisions(w).map((r) => r[1])).toEqual([1, 2]);
  });

  it('going back to an old template renumbers its revision instead of creating one', () => {
    const w = world().apply(ds('nginx:1.27')).advance('30s').apply(ds('nginx:1.27.3')).advance('2m');
    const first = revisions(w)[0][0];
    w.apply(ds('nginx:1.27')).advance('2m');
    expect(revisions(w)).toHaveLength(2);
    expect(revisions(w)[1][0]).toBe(first);
    expect(revisions(w)[1][1]).toBe(3);
  });

  it('keeps revisionHistoryLimit old revisions, oldest deleted first', () => {
    const w = world().apply(ds('nginx:1.25', 1)).advance('1m');
    for (const tag of ['1.26', '1.27', '1.27.3']) w.apply(ds(`nginx:${tag}`, 1)).advance('2m');
    expect(revisions(w).map((r) => r[1])).toEqual([3, 4]);
  });
});
