import { describe, it, expect } from 'vitest';
import { decodeObject } from './decode';
import { ResourceRegistry } from './resources';

const registry = new ResourceRegistry();

function deployment(spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec };
}

function failure(value: unknown) {
  const r = decodeObject(value, registry);
  if (r.ok) throw new Error('expected a failure');
  return r;
}

describe('decodeObject', () => {
  it('decodes a served kind and returns its resource', () => {
    const r = decodeObject(deployment({ replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } } }), registry);
    expect(r.ok && r.info.resource).toBe('deployments');
    expect(r.ok && r.object.spec).toEqual({ replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } } });
  });

  it('reports unknown fields as a strict decoding error, in the order kubectl sends keys (sorted)', () => {
    const r = failure(deployment({ replica: 3, foo: 1, template: { spec: { containers: [{ name: 'a', imagee: 'x' }] } } }));
    expect(r.reason).toBe('decode');
    expect(r.message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo", unknown field "spec.replica", unknown field "spec.template.spec.containers[0].imagee"',
    );
    expect(r.status).toMatchObject({ code: 400, reason: 'BadRequest', message: r.message });
    expect(r.paths).toEqual([['spec', 'foo'], ['spec', 'replica'], ['spec', 'template', 'spec', 'containers', 0, 'imagee']]);
  });

  it('words wrong JSON types as Go UnmarshalTypeErrors (verified with sigs.k8s.io/json)', () => {
    expect(failure(deployment({ replicas: '3' })).message).toBe(
      'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(failure(deployment({ replicas: 3.5 })).message).toMatch(/json: cannot unmarshal number 3.5 into Go struct field DeploymentSpec.spec.replicas of type int32$/);
    expect(failure(deployment({ replicas: 3000000000 })).message).toMatch(/unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32$/);
    const image = failure(deployment({ template: { spec: { containers: [{ name: 'a', image: 5 }] } } }));
    expect(image.message).toMatch(/json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.image of type string$/);
    expect(image.paths).toEqual([['spec', 'template', 'spec', 'containers', 0, 'image']]);
    expect(failure(deployment({ template: { spec: { containers: [{ name: 'a', ports: [{ containerPort: '80' }] }] } } })).message).toMatch(
      /Go struct field ContainerPort.spec.template.spec.containers.ports.containerPort of type int32$/,
    );
    expect(failure(deployment({ template: { spec: { containers: { name: 'a' } } } })).message).toMatch(/unmarshal object into Go struct field PodSpec.spec.template.spec.containers of type \[\]v1.Container$/);
    expect(failure(deployment({ template: { spec: { nodeSelector: { a: 1 } } } })).message).toMatch(/unmarshal number into Go struct field PodSpec.spec.template.spec.nodeSelector of type string$/);
    expect(failure({ ...deployment({}), spec: [] }).message).toMatch(/unmarshal array into Go struct field Deployment.spec of type v1.DeploymentSpec$/);
    expect(failure(deployment({ replicas: true })).message).toMatch(/unmarshal bool into Go struct field DeploymentSpec.spec.replicas of type int32$/);
  });

  it('reports a type error instead of unknown fields', () => {
    expect(failure(deployment({ foo: 1, replicas: 'x' })).message).toMatch(/cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32$/);
  });

  it('words IntOrString errors as its inner json.Unmarshal does, with the field context', () => {
    expect(failure(deployment({ strategy: { rollingUpdate: { maxSurge: true } } })).message).toMatch(
      /json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32$/,
    );
    expect(failure(deployment({ strategy: { rollingUpdate: { maxSurge: 1.5 } } })).message).toMatch(/unmarshal number 1.5 into Go struct field RollingUpdateDeployment/);
  });

  it('canonicalises quantities and accepts numbers for them', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'x', resources: { limits: { cpu: 0.5, memory: '1.5Gi' }, requests: { cpu: '1', memory: 1024 } } }] } };
    const r = decodeObject(pod, registry);
    expect(r.ok && (r.object.spec as { containers: { resources: unknown }[] }).containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '1536Mi' }, requests: { cpu: '1', memory: '1024' } });
  });

  it('rejects an invalid quantity with the resource package error, before type errors', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 5, resources: { limits: { cpu: 'lots' } } }] } };
    const r = failure(pod);
    expect(r.message).toBe("Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
    expect(r.paths).toEqual([['spec', 'containers', 0, 'resources', 'limits', 'cpu']]);
  });

  it('says the kind is missing with the document as Go JSON (keys sorted)', () => {
    const r = failure({ metadata: { name: 'x' }, apiVersion: 'v1', data: { a: '<b>' } });
    expect(r.reason).toBe('missingKind');
    expect(r.message).toBe('Object \'Kind\' is missing in \'{"apiVersion":"v1","data":{"a":"\\u003cb\\u003e"},"metadata":{"name":"x"}}\'');
  });

  it('answers kinds the cluster does not serve with no matches', () => {
    const r = failure({ apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'j' } });
    expect(r).toMatchObject({ reason: 'noMatch', message: 'no matches for kind "CronJob" in version "batch/v1beta1"' });
    expect(failure({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'x' } }).message).toBe('no matches for kind "Deployment" in version "extensions/v1beta1"');
    expect(failure({ kind: 'Deployment', metadata: { name: 'x' } }).message).toBe('no matches for kind "Deployment" in version ""');
  });

  it('maps a core kind without apiVersion to v1, as kubectl\'s REST mapper does', () => {
    const r = decodeObject({ kind: 'Pod', metadata: { name: 'p' } }, registry);
    expect(r.ok && r.object.apiVersion).toBe('v1');
  });

  it('drops nulls as Go does (creationTimestamp: null)', () => {
    const r = decodeObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', creationTimestamp: null }, spec: {}, status: {} }, registry);
    expect(r.ok && r.object).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' }, spec: {}, status: {} });
  });

  it('cannot decode a document that is not an object', () => {
    expect(failure('hello').message).toBe('json: cannot unmarshal string into Go value of type struct { Items json.RawMessage "json:\\"items\\"" }');
  });
});
