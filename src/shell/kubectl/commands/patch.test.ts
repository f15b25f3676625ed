import { describe, expect, it } from 'vitest';
import { clusterShell, WEB_DEPLOYMENT } from '../../testing/clusterShell';
import { goJsonSyntaxError } from '../goJsonSyntax';

const WEB = WEB_DEPLOYMENT;

function withWeb() {
  const h = clusterShell({ 'web.yaml': WEB, 'patch.yaml': 'spec:\n  replicas: 4\n' });
  h.run('kubectl apply -f web.yaml');
  h.run('sleep 20s', 20_000);
  return h;
}

const deployment = (h: ReturnType<typeof withWeb>) => h.cluster.client().get('deployments.apps', 'default', 'web') as unknown as { spec: { replicas: number; template: { spec: { containers: { name: string; image: string }[] } } } };

describe('kubectl patch', () => {
  it('applies a strategic merge patch and says patched, then patched (no change)', () => {
    const h = withWeb();
    expect(h.run(`kubectl patch deployment web -p '{"spec":{"replicas":3}}'`).stdout).toBe('deployment.apps/web patched\n');
    expect(deployment(h).spec.replicas).toBe(3);
    expect(h.run(`kubectl patch deployment web -p '{"spec":{"replicas":3}}'`).stdout).toBe('deployment.apps/web patched (no change)\n');
  });

  it('merges containers by name (strategic) and accepts YAML', () => {
    const h = withWeb();
    expect(h.run(`kubectl patch deploy/web -p 'spec: {template: {spec: {containers: [{name: nginx, image: "nginx:1.26"}]}}}'`).stdout).toBe('deployment.apps/web patched\n');
    expect(h.run(`kubectl patch deploy/web -p 'spec: x: y'`).stderr).toBe('error: unable to parse "spec: x: y": error converting YAML to JSON: yaml: mapping values are not allowed in this context\n');
    expect(deployment(h).spec.template.spec.containers).toEqual([expect.objectContaining({ name: 'nginx', image: 'nginx:1.26' })]);
  });

  it('takes JSON patches and JSON merge patches', () => {
    const h = withWeb();
    expect(h.run(`kubectl patch deployment web --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.27"}]'`).stdout).toBe('deployment.apps/web patched\n');
    expect(deployment(h).spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(h.run(`kubectl patch deployment web --type merge -p '{"spec":{"replicas":1}}'`).stdout).toBe('deployment.apps/web patched\n');
    expect(deployment(h).spec.replicas).toBe(1);
    expect(h.run('kubectl patch deployment web --patch-file patch.yaml').stdout).toBe('deployment.apps/web patched\n');
    expect(deployment(h).spec.replicas).toBe(4);
  });

  it('reports JSON patch failures as the API server does', () => {
    const h = withWeb();
    expect(h.run(`kubectl patch deployment web --type=json -p '[{"op":"remove","path":"/spec/nope"}]'`).stderr).toBe('Error from server (BadRequest): Unable to remove nonexistent key: nope: missing value\n');
    expect(h.run(`kubectl patch deployment web --type=json -p '{"op":"remove"}'`).stderr).toBe('Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n');
  });

  it('words bad JSON and bad flags like kubectl', () => {
    const h = withWeb();
    expect(h.run(`kubectl patch deployment web -p '{spec:{replicas:3}}'`).stderr).toBe("Error from server (BadRequest): invalid character 's' looking for beginning of object key string\n");
    expect(h.run(`kubectl patch deployment web -p '{"spec":'`).stderr).toBe('Error from server (BadRequest): unexpected end of JSON input\n');
    expect(h.run('kubectl patch deployment web').stderr).toBe('error: must specify --patch or --patch-file containing the contents of the patch\n');
    expect(h.run(`kubectl patch deployment web -p '{}' --type=apply`).stderr).toBe('error: --type must be one of [json merge strategic], not "apply"\n');
    expect(h.run(`kubectl patch deployment web -p '{}' --subresource=foo`).stderr).toBe('error: invalid subresource value: "foo". Must be one of [status scale]\n');
    expect(h.run(`kubectl patch deployment nope -p '{}'`).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(h.run(`kubectl patch deployment -p '{}'`).stderr).toBe('error: resource(s) were provided, but no name was specified\n');
    expect(h.run('kubectl patch deployment web --patch-file none.yaml').stderr).toBe('error: unable to read patch file: open none.yaml: no such file or directory\n');
  });

  it('patches the scale subresource and prints the Scale', () => {
    const h = withWeb();
    expect(h.run(`kubectl patch deployment web --subresource=scale --type=merge -p '{"spec":{"replicas":5}}'`).stdout).toBe('scale.autoscaling/web patched\n');
    expect(deployment(h).spec.replicas).toBe(5);
    expect(h.run(`kubectl patch deployment web --subresource=scale --type=merge -p '{"spec":{"replicas":5}}' -o jsonpath='{.kind} {.spec.replicas}'`).stdout).toBe('Scale 5');
  });

  it('keeps a client dry run local', () => {
    const h = withWeb();
    expect(h.run(`kubectl patch deployment web -p '{"spec":{"replicas":7}}' --dry-run=client`).stdout).toBe('deployment.apps/web patched (dry run)\n');
    expect(h.run(`kubectl patch deployment web -p '{"spec":{"replicas":7}}' --dry-run=server`).stdout).toBe('deployment.apps/web patched (server dry run)\n');
    expect(deployment(h).spec.replicas).toBe(2);
  });

  it('patches the file, not the server, with --local', () => {
    const h = withWeb();
    expect(h.run(`kubectl patch -f web.yaml --local -p '{"spec":{"replicas":9}}' -o jsonpath='{.spec.replicas}'`).stdout).toBe('9');
    expect(h.run(`kubectl patch -f web.yaml --local -p '{"spec":{"replicas":9}}'`).stdout).toBe('deployment.apps/web patched\n');
    expect(deployment(h).spec.replicas).toBe(2);
    expect(h.run(`kubectl patch deployment web --local -p '{}'`).stderr).toBe('error: cannot specify --local and server resources\n');
  });

  it('refuses changes the API server forbids on pods', () => {
    const h = withWeb();
    h.run('kubectl run p --image=nginx');
    const t = h.run(`kubectl patch pod p -p '{"spec":{"restartPolicy":"Never"}}'`);
    expect(t.stderr).toMatch(/^The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than/);
  });
});

describe('goJsonSyntaxError', () => {
  it('words errors as encoding/json does', () => {
    expect(goJsonSyntaxError('{"a":1}')).toBeUndefined();
    expect(goJsonSyntaxError('{"a" 1}')).toBe("invalid character '1' after object key");
    expect(goJsonSyntaxError('{"a":1 "b":2}')).toBe(`invalid character '"' after object key:value pair`);
    expect(goJsonSyntaxError('{"a":[1 2]}')).toBe("invalid character '2' after array element");
    expect(goJsonSyntaxError('{"a":x}')).toBe("invalid character 'x' looking for beginning of value");
    expect(goJsonSyntaxError('{"a":1}}')).toBe("invalid character '}' after top-level value");
    expect(goJsonSyntaxError("{'a':1}")).toBe("invalid character '\\'' looking for beginning of object key string");
  });
});
