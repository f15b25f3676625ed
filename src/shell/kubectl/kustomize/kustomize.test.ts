import { describe, expect, it } from 'vitest';
import { memoryFiles } from '../../memoryFiles';
import { shellHarness } from '../../testing/shellHarness';
import { KustomizeError, kustomizeBuild } from './build';
import { nameHash } from './generators';

const build = (files: Record<string, string>, dir = '.') => kustomizeBuild(memoryFiles(() => files), dir);
const errorOf = (files: Record<string, string>) => {
  try {
    build(files);
  } catch (e) {
    if (e instanceof KustomizeError) return e.message;
    throw e;
  }
  return undefined;
};

describe('kustomize build', () => {
  // Each name below is what kubectl 1.32's kustomize printed for the same generator.
  it('hashes generated ConfigMaps and Secrets as kubectl 1.32 does: kind, data, type, and not the name', () => {
    expect(nameHash({ kind: 'ConfigMap', metadata: { name: 'example-configmap-2' }, data: { FOO: 'Bar' } })).toBe('42cfbf598f');
    expect(nameHash({ kind: 'ConfigMap', metadata: { name: 'c' }, data: { A: '<b>&' }, immutable: true })).toBe('kdghf24gmh');
    expect(nameHash({ kind: 'Secret', metadata: { name: 's' }, data: { FOO: 'QmFy' }, type: 'Opaque' })).toBe('8255b4dgk8');
    expect(nameHash({ kind: 'Secret', metadata: { name: 't' }, data: { 'tls.crt': 'eA==', 'tls.key': 'eQ==' }, type: 'kubernetes.io/tls' })).toBe('f4c6k54dt5');
  });

  it('names a generated ConfigMap with its hash and rewrites the references to it', () => {
    const r = build({
      'kustomization.yaml': 'resources:\n- pod.yaml\nconfigMapGenerator:\n- name: example-configmap-2\n  literals:\n  - FOO=Bar\n',
      'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox\n    envFrom:\n    - configMapRef:\n        name: example-configmap-2\n',
    });
    expect(r.yaml).toContain('  name: example-configmap-2-42cfbf598f\n---\n');
    expect(r.yaml).toContain('    - configMapRef:\n        name: example-configmap-2-42cfbf598f\n');
  });

  it("puts resources in kustomize's legacy kind order: Namespace first, webhooks last, unknown kinds between", () => {
    const docs = ['Service', 'Role', 'ValidatingWebhookConfiguration', 'LimitRange', 'Deployment', 'Namespace', 'Secret', 'Ingress', 'ConfigMap'].map((kind, i) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: n${i}\n`);
    const r = build({ 'kustomization.yaml': 'resources:\n- all.yaml\n', 'all.yaml': docs.join('---\n') });
    expect(r.objects.map((o) => o.kind)).toEqual(['Namespace', 'Role', 'ConfigMap', 'Secret', 'Service', 'LimitRange', 'Deployment', 'Ingress', 'ValidatingWebhookConfiguration']);
  });

  it("warns of deprecated fields in kustomize's order and words", () => {
    const r = build({ 'kustomization.yaml': 'patchesStrategicMerge: []\ncommonLabels: {a: b}\nbases: []\n' });
    expect(r.warnings.map((w) => w.slice(0, 40))).toEqual(["# Warning: 'bases' is deprecated. Please", "# Warning: 'commonLabels' is deprecated.", "# Warning: 'patchesStrategicMerge' is de"]);
  });

  it('refuses unknown fields, missing files, duplicate ids and a missing target as kustomize does', () => {
    expect(errorOf({ 'kustomization.yaml': 'resource:\n- a.yaml\n' })).toBe('invalid Kustomization: json: unknown field "resource"');
    const cm = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
    expect(errorOf({ 'kustomization.yaml': 'resources:\n- cm.yaml\n- cm.yaml\n', 'cm.yaml': cm })).toBe(
      "accumulating resources: accumulation err='merging resources from 'cm.yaml': may not add resource with an already registered id: ConfigMap.v1.[noGrp]/x.[noNs]': must build at directory: '/home/learner/cm.yaml': file is not directory",
    );
    expect(errorOf({ 'kustomization.yaml': 'resources:\n- cm.yaml\npatches:\n- patch: |-\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: y\n', 'cm.yaml': cm })).toBe(
      'no resource matches strategic merge patch "ConfigMap.v1.[noGrp]/y.[noNs]": no matches for Id ConfigMap.v1.[noGrp]/y.[noNs]; failed to find unique target for patch ConfigMap.v1.[noGrp]/y.[noNs]',
    );
    expect(errorOf({ 'kustomization.yaml': 'replacements: []\n' })).toMatch(/^not simulated yet: kustomize's 'replacements' field/);
    // Go's decoder takes no number for a string: an unquoted tag like 1.10 would otherwise become 1.1.
    expect(errorOf({ 'kustomization.yaml': 'images:\n- name: nginx\n  newTag: 1.10\n' })).toBe('invalid Kustomization: json: cannot unmarshal number into Go struct field Image.images.newTag of type string');
    expect(errorOf({ 'kustomization.yaml': 'commonLabels:\n  tier: 1\n' })).toBe('invalid Kustomization: json: cannot unmarshal number into Go struct field Kustomization.commonLabels of type string');
    expect(errorOf({ 'kustomization.yaml': 'replicas:\n- name: web\n  count: "3"\n' })).toBe('invalid Kustomization: json: cannot unmarshal string into Go struct field Replica.replicas.count of type int64');
  });

  it('reads -k for every command that reads files (not run), and checks -k against -f and -R first', () => {
    const { run } = shellHarness({ 'kustomization.yaml': 'resources: []\n' });
    expect(run('kubectl run web --image=nginx -k .').stderr).toMatch(/^error: not simulated yet: -k with kubectl run /);
    expect(run('kubectl delete -k . -f x.yaml').stderr).toBe('error: only one of -f or -k can be specified\n');
    expect(run('kubectl kustomize').stdout).toBe('');
  });
});
