import { describe, expect, it } from 'vitest';
import { shellHarness } from '../../testing/shellHarness';
import { indentJson } from '../printers/format/wireJson';

const CM = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
data:
  a: "1"
`;

describe('kubectl apply view-last-applied / set-last-applied', () => {
  it('re-indents the annotation as json.Indent does, keeping its trailing newline', () => {
    expect(indentJson('{"a":{},"b":[1, {"c":"x\\"y"}]}\n')).toBe('{\n  "a": {},\n  "b": [\n    1,\n    {\n      "c": "x\\"y"\n    }\n  ]\n}\n');
  });

  it('views what apply recorded and sets it from a file without touching the object', () => {
    const files: Record<string, string> = { 'cm.yaml': CM };
    const { run } = shellHarness(files);
    run('kubectl apply -f cm.yaml');
    expect(run('kubectl apply view-last-applied configmap/cm').stdout).toBe('apiVersion: v1\ndata:\n  a: "1"\nkind: ConfigMap\nmetadata:\n  annotations: {}\n  name: cm\n  namespace: default\n');
    files['cm.yaml'] = CM.replace('"1"', '"2"');
    expect(run('kubectl apply set-last-applied -f cm.yaml').stdout).toBe('configmap/cm configured\n');
    expect(run('kubectl apply set-last-applied -f cm.yaml').stdout).toBe('set-last-applied cm: no changes required.\n');
    expect(run("kubectl get configmap cm -o jsonpath='{.data.a}'").stdout).toBe('1');
    expect(run('kubectl apply view-last-applied configmap/cm -o json').stdout).toBe('{\n  "apiVersion": "v1",\n  "data": {\n    "a": "2"\n  },\n  "kind": "ConfigMap",\n  "metadata": {\n    "name": "cm",\n    "namespace": "default"\n  }\n}');
  });

  it('needs --create-annotation for an object kubectl create made', () => {
    const { run } = shellHarness({ 'cm.yaml': CM });
    run('kubectl create -f cm.yaml');
    expect(run('kubectl apply view-last-applied configmap/cm').stdout).toBe('');
    expect(run('kubectl apply view-last-applied -f cm.yaml').stderr).toBe('error: error when no last-applied-configuration annotation found on resource: cm\n "cm.yaml": <nil>\n');
    expect(run('kubectl apply set-last-applied -f cm.yaml').stderr).toBe(
      'error: no last-applied-configuration annotation found on resource: cm, to create the annotation, run the command with --create-annotation\n',
    );
    expect(run('kubectl apply set-last-applied -f cm.yaml --create-annotation -o name').stdout).toBe('configmap/cm\n');
  });
});
