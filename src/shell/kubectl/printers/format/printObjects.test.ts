import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../sim/k8s/index';
import { fakeContext } from '../testing/fakeContext';
import { NOW } from '../testing/objects';
import { parseOutputFormat } from './parseOutputFormat';
import { printObjects } from './printObjects';

const ctx = fakeContext([], NOW);
const pod = (name: string, ip: string) =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', resourceVersion: '610995', managedFields: [{ manager: 'kubectl' }] },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    status: { podIP: ip, podIPs: [{ ip }] },
  }) as unknown as KubeObject;
const deploy = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' } } as unknown as KubeObject;

function print(flag: string, objects: KubeObject[], asList = objects.length !== 1, noHeaders = false): string {
  const format = parseOutputFormat(flag);
  if ('error' in format) throw new Error(format.error);
  const out = printObjects(format, objects, { asList, noHeaders }, ctx);
  if ('error' in out) throw new Error(out.error);
  return out.text;
}

describe('printObjects', () => {
  it('prints kind[.group]/name with -o name', () => {
    expect(print('name', [pod('nginx', '10.0.0.1'), deploy])).toBe('pod/nginx\ndeployment.apps/web\n');
  });

  it('wraps a list request in kind: List, even when empty (kubectl get pods -o json with no pods)', () => {
    expect(print('json', [], true)).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
    expect(print('yaml', [], true)).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
  });

  it('prints one object bare and hides managedFields in yaml and json', () => {
    expect(print('yaml', [deploy])).toBe('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: default\n');
    expect(print('json', [pod('a', '10.0.0.1')])).not.toContain('managedFields');
    expect(print('yaml', [pod('a', '10.0.0.1'), pod('b', '10.0.0.2')])).toMatch(/^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Pod\n/);
  });

  it('keeps managedFields for jsonpath, evaluated against the object or the List', () => {
    expect(print('jsonpath={.metadata.managedFields[0].manager}', [pod('a', '10.0.0.1')])).toBe('kubectl');
    expect(print('jsonpath={.items[*].metadata.name}', [pod('a', '10.0.0.1'), pod('b', '10.0.0.2')])).toBe('a b');
    expect(print(`jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}`, [pod('a', '10.0.0.1'), pod('b', '10.0.0.2')])).toBe('a\t10.0.0.1\nb\t10.0.0.2\n');
  });

  it('prints custom columns as in the documentation (NAME/RSRC, POD_IP as a Go map)', () => {
    expect(print('custom-columns=NAME:.metadata.name,RSRC:.metadata.resourceVersion', [pod('submit-queue', '10.0.0.1')])).toBe('NAME           RSRC\nsubmit-queue   610995\n');
    expect(print('custom-columns=POD_IP:.status.podIPs', [pod('a', '10.244.3.4'), pod('b', '10.244.2.5')])).toBe('POD_IP\n[map[ip:10.244.3.4]]\n[map[ip:10.244.2.5]]\n');
    expect(print('custom-columns=NAME:metadata.name,MISSING:.spec.nodeName,IMAGES:.spec.containers[*].image', [pod('a', '1')], false, true)).toBe('a     <none>   nginx\n');
  });
});

describe('parseOutputFormat', () => {
  it('accepts the formats kubectl get knows', () => {
    expect(parseOutputFormat('')).toEqual({ type: 'table' });
    expect(parseOutputFormat('wide')).toEqual({ type: 'wide' });
    expect(parseOutputFormat('YAML')).toEqual({ type: 'yaml' });
    expect(parseOutputFormat('jsonpath={.a}')).toEqual({ type: 'jsonpath', template: '{.a}' });
    expect(parseOutputFormat("jsonpath='{.a}'")).toEqual({ type: 'jsonpath', template: '{.a}' });
    expect(parseOutputFormat('custom-columns=N:.metadata.name')).toEqual({ type: 'custom-columns', spec: 'N:.metadata.name' });
  });

  it("returns kubectl's error texts", () => {
    expect(parseOutputFormat('xml')).toEqual({
      error: 'unable to match a printer suitable for the output format "xml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml',
    });
    expect(parseOutputFormat('jsonpath')).toEqual({ error: 'template format specified but no template given' });
    expect(parseOutputFormat('custom-columns=')).toEqual({ error: 'custom-columns format specified but no custom columns given' });
    expect(parseOutputFormat('custom-columns=NAME')).toEqual({ error: 'unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>' });
  });
});
