import { describe, it, expect } from 'vitest';
import { applyDefaults } from '../defaults/applyDefaults';
import { ResourceRegistry } from '../resources';
import type { KubeObject } from '../types';
import { applyPatch, createApplyPatch, LAST_APPLIED_ANNOTATION, lastAppliedValue } from './applyPatch';
import { jsonMergePatch } from './jsonMergePatch';
import { jsonPatch } from './jsonPatch';
import { strategicMergePatch } from './strategicMergePatch';

const registry = new ResourceRegistry();
const deployInfo = registry.forKind('apps/v1', 'Deployment')!;

describe('jsonMergePatch (RFC 7386)', () => {
  it.each([
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [['a', 'b'], ['c', 'd'], ['c', 'd']],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  ])('merges %j with %j', (target, patch, expected) => {
    expect(jsonMergePatch(target, patch)).toEqual(expected);
  });
});

describe('jsonPatch (RFC 6902)', () => {
  const doc = { spec: { replicas: 1, template: { spec: { containers: [{ name: 'a', image: 'x' }] } } } };
  it('applies add, replace, remove, move, copy and test', () => {
    const r = jsonPatch(doc, [
      { op: 'replace', path: '/spec/replicas', value: 3 },
      { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'b', image: 'y' } },
      { op: 'test', path: '/spec/replicas', value: 3 },
      { op: 'copy', from: '/spec/replicas', path: '/spec/minReadySeconds' },
      { op: 'move', from: '/spec/minReadySeconds', path: '/spec/paused' },
      { op: 'remove', path: '/spec/template/spec/containers/0' },
    ]);
    expect(r).toEqual({ ok: true, value: { spec: { replicas: 3, paused: 3, template: { spec: { containers: [{ name: 'b', image: 'y' }] } } } } });
    expect(doc.spec.replicas).toBe(1);
  });

  it('fails with the json-patch library texts', () => {
    expect(jsonPatch(doc, [{ op: 'add', path: '/spec/foo/bar', value: 1 }])).toEqual({ ok: false, message: 'add operation does not apply: doc is missing path: "/spec/foo/bar": missing value' });
    expect(jsonPatch(doc, [{ op: 'test', path: '/spec/replicas', value: 2 }])).toEqual({ ok: false, message: 'testing value /spec/replicas failed: test failed' });
    expect(jsonPatch(doc, [{ op: 'remove', path: '/spec/nope' }])).toEqual({ ok: false, message: 'Unable to remove nonexistent key: nope: missing value' });
  });
});

describe('strategicMergePatch', () => {
  const live = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', finalizers: ['a'] },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        spec: {
          containers: [
            { name: 'web', image: 'nginx:1', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] },
            { name: 'side', image: 'busybox' },
          ],
          tolerations: [{ key: 'a', operator: 'Exists' }],
        },
      },
    },
  };

  it('merges containers by name, ports by containerPort and env by name', () => {
    const out = strategicMergePatch(live, { spec: { template: { spec: { containers: [{ name: 'web', image: 'nginx:2', env: [{ name: 'B', value: '2' }] }] } } } }, 'Deployment') as typeof live;
    expect(out.spec.template.spec.containers).toEqual([
      { name: 'web', image: 'nginx:2', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
      { name: 'side', image: 'busybox' },
    ]);
  });

  it('replaces lists without a strategy (tolerations) and merges primitive sets (finalizers)', () => {
    const out = strategicMergePatch(live, { metadata: { finalizers: ['b'] }, spec: { template: { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } } } }, 'Deployment') as typeof live;
    expect(out.spec.template.spec.tolerations).toEqual([{ key: 'b', operator: 'Exists' }]);
    expect(out.metadata.finalizers).toEqual(['a', 'b']);
  });

  it('honours $patch delete and replace, $retainKeys, $setElementOrder and $deleteFromPrimitiveList', () => {
    const out = strategicMergePatch(
      live,
      {
        metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] },
        spec: {
          strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null },
          template: { spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'web' }], containers: [{ name: 'web', $patch: 'delete' }] } },
        },
      },
      'Deployment',
    ) as typeof live;
    expect(out.spec.strategy).toEqual({ type: 'Recreate' });
    expect(out.spec.template.spec.containers).toEqual([{ name: 'side', image: 'busybox' }]);
    expect(out.metadata.finalizers).toEqual([]);
    const replaced = strategicMergePatch(live, { spec: { template: { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] } } } }, 'Deployment') as typeof live;
    expect(replaced.spec.template.spec.containers).toEqual([{ name: 'only', image: 'x' }]);
  });
});

describe('kubectl apply (client-side)', () => {
  const desired = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1' }] } } },
  };

  it('writes the last-applied annotation as kubectl does (sorted Go JSON, empty annotations kept, newline)', () => {
    expect(lastAppliedValue({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'a', image: 'x<y' }] } })).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"p","namespace":"default"},"spec":{"containers":[{"image":"x\\u003cy","name":"a"}]}}\n',
    );
  });

  function created(): KubeObject {
    const withAnn = { ...desired, metadata: { ...desired.metadata, annotations: { [LAST_APPLIED_ANNOTATION]: lastAppliedValue(desired) } } };
    const obj = applyDefaults(withAnn as KubeObject, deployInfo);
    obj.metadata = { ...obj.metadata, uid: 'u1', resourceVersion: '5', generation: 1 };
    obj.status = { replicas: 2 };
    return obj;
  }

  it('finds nothing to change when the file did not change (→ unchanged)', () => {
    const live = created();
    expect(createApplyPatch(live, JSON.parse(lastAppliedValue(desired)), desired, deployInfo)).toEqual({ patch: {}, empty: true });
  });

  it('patches a changed image with the merge key and element order, and a new annotation', () => {
    const live = created();
    const next = { ...desired, spec: { ...desired.spec, template: { ...desired.spec.template, spec: { containers: [{ name: 'web', image: 'nginx:2' }] } } } };
    const { patch, empty } = createApplyPatch(live, JSON.parse(lastAppliedValue(desired)), next, deployInfo);
    expect(empty).toBe(false);
    expect(patch).toEqual({
      metadata: { annotations: { [LAST_APPLIED_ANNOTATION]: lastAppliedValue(next) } },
      spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'web' }], containers: [{ name: 'web', image: 'nginx:2' }] } } },
    });
    const patched = applyPatch(live, patch, 'strategic', deployInfo);
    expect(patched.ok && (patched.object.spec as typeof desired.spec).template.spec.containers[0]).toMatchObject({ name: 'web', image: 'nginx:2', imagePullPolicy: 'IfNotPresent' });
  });

  it('deletes what left the file but keeps what the server or others set', () => {
    const live = created();
    (live.spec as Record<string, unknown>).paused = true;
    const next = { ...desired, spec: { ...desired.spec } } as Record<string, unknown>;
    delete (next.spec as Record<string, unknown>).replicas;
    const { patch } = createApplyPatch(live, JSON.parse(lastAppliedValue(desired)), next, deployInfo);
    expect((patch.spec as Record<string, unknown>).replicas).toBeNull();
    expect('paused' in (patch.spec as Record<string, unknown>)).toBe(false);
  });

  it('uses $retainKeys when the deployment strategy changes (docs deployment-retainkeys example)', () => {
    const live = created();
    const next = { ...desired, spec: { ...desired.spec, strategy: { type: 'Recreate' } } };
    const { patch } = createApplyPatch(live, JSON.parse(lastAppliedValue(desired)), next, deployInfo);
    expect((patch.spec as Record<string, unknown>).strategy).toEqual({ $retainKeys: ['type'], type: 'Recreate' });
    const patched = applyPatch(live, patch, 'strategic', deployInfo);
    expect(patched.ok && (patched.object.spec as Record<string, unknown>).strategy).toEqual({ type: 'Recreate' });
  });
});
