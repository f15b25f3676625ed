import { describe, expect, it } from 'vitest';
import { clusterShell } from '../../testing/clusterShell';
import { indentJson } from '../printers/format/wireJson';

describe('kubectl proxy', () => {
  it('serves the API on localhost:8001 until Ctrl+C: /version, resource paths as indented JSON, NotFound as a Status', () => {
    const t = clusterShell();
    const proxy = t.run('kubectl proxy');
    expect(proxy.stdout).toBe('Starting to serve on 127.0.0.1:8001\n');
    expect(proxy.execution.done).toBe(false);
    expect(JSON.parse(t.run('curl -s localhost:8001/version').stdout)).toMatchObject({ major: '1', minor: '32', gitVersion: 'v1.32.2' });
    const ns = t.run('curl -s http://127.0.0.1:8001/api/v1/namespaces/kube-system');
    expect(ns.stdout).toMatch(/^\{\n {2}"kind": "Namespace",\n {2}"apiVersion": "v1",\n {2}"metadata": \{\n {4}"name": "kube-system",/);
    const missing = t.run('curl -s localhost:8001/apis/apps/v1/namespaces/default/deployments/nope');
    expect(JSON.parse(missing.stdout)).toEqual({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'deployments.apps "nope" not found', reason: 'NotFound', details: { name: 'nope', group: 'apps', kind: 'deployments' }, code: 404 });
    expect(t.run('curl -s -o /dev/null -w "%{http_code}" localhost:8001/api/v1/nothing').stdout).toBe('404');
    proxy.execution.cancel();
    expect(t.run('curl -s localhost:8001/version').exitCode).toBe(7);
  });

  it('takes --port and --api-prefix; a port in use is refused in Go\'s words', () => {
    const t = clusterShell();
    expect(t.run('kubectl proxy -p 8011 --api-prefix=/k8s-api').stdout).toBe('Starting to serve on 127.0.0.1:8011\n');
    expect(t.run('curl -s localhost:8011/k8s-api/version').exitCode).toBe(0);
    expect(t.run('curl -s localhost:8011/version').stdout).toBe('404 page not found\n');
    expect(t.run('kubectl proxy --port 8011').stderr).toBe('error: listen tcp 127.0.0.1:8011: bind: address already in use\n');
    expect(t.run('kubectl proxy extra').stderr).toMatch(/^error: Unexpected args: \[extra\]/);
  });

  it('indents compact JSON as Go does, strings and empty members kept', () => {
    expect(indentJson('{"a":[1,{"b":"x,{y}:\\"z"}],"c":{},"d":[]}')).toBe('{\n  "a": [\n    1,\n    {\n      "b": "x,{y}:\\"z"\n    }\n  ],\n  "c": {},\n  "d": []\n}');
  });
});
