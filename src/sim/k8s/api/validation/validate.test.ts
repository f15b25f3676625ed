import { describe, it, expect } from 'vitest';
import { applyDefaults } from '../defaults/applyDefaults';
import { fieldErrorString } from '../fieldErrors';
import { ResourceRegistry } from '../resources';
import type { KubeObject } from '../types';
import { validateCreate, validateUpdate } from './validate';

const registry = new ResourceRegistry();

function errors(obj: Record<string, unknown>): string[] {
  const info = registry.forKind(obj.apiVersion as string, obj.kind as string)!;
  const o = obj as KubeObject;
  if (info.namespaced && !o.metadata.namespace) o.metadata = { ...o.metadata, namespace: 'default' };
  return validateCreate(applyDefaults(o, info), info).map(fieldErrorString);
}

function updateErrors(obj: Record<string, unknown>, old: Record<string, unknown>): string[] {
  const info = registry.forKind(obj.apiVersion as string, obj.kind as string)!;
  const ns = info.namespaced ? { namespace: 'default' } : {};
  const withNs = (x: Record<string, unknown>) => ({ ...x, metadata: { ...(x.metadata as object), ...ns } }) as KubeObject;
  return validateUpdate(applyDefaults(withNs(obj), info), applyDefaults(withNs(old), info), info).map(fieldErrorString);
}

const template = (labels: Record<string, string> = { app: 'web' }) => ({ metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.25' }] } });
const deployment = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: { selector: { matchLabels: { app: 'web' } }, template: template(), ...spec },
});
const namespace = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const withLabels = (labels: Record<string, string>) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', labels } });

const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

describe('validateCreate: worked vectors M1–M16 (kubernetes-objects.md §9.6)', () => {
  it('M1: Deployment name Web', () => {
    expect(errors(deployment('Web'))).toEqual([`metadata.name: Invalid value: "Web": ${SUBDOMAIN}`]);
  });

  it('M2: Deployment names web.v1 and 1web are valid', () => {
    expect(errors(deployment('web.v1'))).toEqual([]);
    expect(errors(deployment('1web'))).toEqual([]);
  });

  it('M3: Service names must be DNS-1035 labels', () => {
    const svc = (name: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
    const msg =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    expect(errors(svc('1web'))).toEqual([`metadata.name: Invalid value: "1web": ${msg}`]);
    expect(errors(svc('web.v1'))).toEqual([`metadata.name: Invalid value: "web.v1": ${msg}`]);
    expect(errors(svc('Web'))).toEqual([`metadata.name: Invalid value: "Web": ${msg}`]);
  });

  it('M4–M6: Namespace names are DNS labels', () => {
    const info = registry.forKind('v1', 'Namespace')!;
    const nameErrors = (name: string) => validateCreate(namespace(name) as KubeObject, info).map(fieldErrorString);
    expect(nameErrors('my.ns')).toEqual(['metadata.name: Invalid value: "my.ns": must not contain dots']);
    expect(nameErrors('web-')).toEqual([
      'metadata.name: Invalid value: "web-": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
    ]);
    const long = 'a'.repeat(64);
    expect(nameErrors(long)).toEqual([`metadata.name: Invalid value: "${long}": must be no more than 63 characters`]);
  });

  it('M4–M6 after defaulting: the kubernetes.io/metadata.name label copies the bad name and fails too', () => {
    expect(errors(namespace('my.ns'))).toEqual(['metadata.name: Invalid value: "my.ns": must not contain dots']);
    expect(errors(namespace('web-'))[1]).toMatch(/^metadata.labels: Invalid value: "web-": a valid label must be an empty string/);
  });

  it('M7: Pod name of 254 characters', () => {
    const name = 'a'.repeat(254);
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'a', image: 'nginx' }] } };
    expect(errors(pod)).toEqual([`metadata.name: Invalid value: "${name}": must be no more than 253 characters`]);
  });

  it('M8–M10: label values and keys', () => {
    expect(errors(withLabels({ a: '' }))).toEqual([]);
    expect(errors(withLabels({ a: 'bad value' }))).toEqual([
      'metadata.labels: Invalid value: "bad value": a valid label must be an empty string or consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyValue\',  or \'my_value\',  or \'12345\', regex used for validation is \'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\')',
    ]);
    expect(errors(withLabels({ 'app.kubernetes.io/name': 'x' }))).toEqual([]);
  });

  it('M11–M13: label keys', () => {
    const qn = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    expect(errors(withLabels({ 'example.com/': 'x' }))).toEqual([
      'metadata.labels: Invalid value: "example.com/": name part must be non-empty',
      `metadata.labels: Invalid value: "example.com/": name part ${qn}`,
    ]);
    expect(errors(withLabels({ 'Example.com/x': 'x' }))).toEqual([`metadata.labels: Invalid value: "Example.com/x": prefix part ${SUBDOMAIN}`]);
    expect(errors(withLabels({ 'a/b/c': 'x' }))).toEqual([`metadata.labels: Invalid value: "a/b/c": a qualified name ${qn} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]);
  });

  it('M14: Deployment without a selector', () => {
    const d = deployment('web');
    delete (d.spec as { selector?: unknown }).selector;
    expect(errors(d)).toEqual(['spec.selector: Required value', 'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`']);
  });

  it('M15: Deployment with an empty selector', () => {
    expect(errors(deployment('web', { selector: {} }))).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment',
    ]);
  });

  it('M16: annotations over 256 KiB', () => {
    const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', annotations: { a: 'x'.repeat(262144) } } };
    expect(errors(ns)).toEqual(['metadata.annotations: Too long: must have at most 262144 bytes']);
    (ns.metadata.annotations as Record<string, string>).a = 'x'.repeat(262143);
    expect(errors(ns)).toEqual([]);
  });
});

describe('validateCreate: spec rules', () => {
  it('requires a name or generateName and checks the generateName prefix with its dash masked', () => {
    expect(errors({ apiVersion: 'v1', kind: 'Namespace', metadata: {} })).toEqual(['metadata.name: Required value: name or generateName is required']);
    expect(errors({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-abcde', generateName: 'web-' }, spec: { containers: [{ name: 'a', image: 'x' }] } })).toEqual([]);
  });

  it('checks the selector against the template labels', () => {
    expect(errors(deployment('web', { template: template({ app: 'x' }) }))).toEqual([
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"x"}: `selector` does not match template `labels`',
    ]);
  });

  it('rejects both maxSurge and maxUnavailable at 0, and percentages over 100%', () => {
    expect(errors(deployment('web', { strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } }))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0%: may not be 0 when `maxSurge` is 0',
    ]);
    expect(errors(deployment('web', { strategy: { rollingUpdate: { maxUnavailable: '110%' } } }))).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 110%: must not be greater than 100%',
    ]);
    expect(errors(deployment('web', { strategy: { rollingUpdate: { maxSurge: 'lots' } } }))).toEqual([
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: lots: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
  });

  it('checks replicas, progressDeadlineSeconds and the strategy type', () => {
    expect(errors(deployment('web', { replicas: -1 }))).toEqual(['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
    expect(errors(deployment('web', { minReadySeconds: 600 }))).toEqual(['spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds']);
    expect(errors(deployment('web', { strategy: { type: 'BlueGreen' } }))).toEqual([
      'spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:"BlueGreen", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: supported values: "Recreate", "RollingUpdate"',
    ]);
  });

  it('allows only restartPolicy Always in a Deployment template', () => {
    const t = template();
    (t.spec as Record<string, unknown>).restartPolicy = 'Never';
    expect(errors(deployment('web', { template: t }))).toEqual(['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
  });

  it('checks containers: required fields, names, enums, ports', () => {
    const pod = (containers: unknown[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers } });
    expect(errors(pod([]))).toEqual(['spec.containers: Required value']);
    expect(errors(pod([{ name: 'a' }]))).toEqual(['spec.containers[0].image: Required value']);
    expect(errors(pod([{ name: 'a', image: 'x' }, { name: 'a', image: 'y' }]))).toEqual(['spec.containers[1].name: Duplicate value: "a"']);
    expect(errors(pod([{ name: 'a', image: 'x', imagePullPolicy: 'Sometimes' }]))).toEqual([
      'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ]);
    expect(errors(pod([{ name: 'a', image: 'x', ports: [{ containerPort: 70000, protocol: 'HTTP', name: 'web' }, { containerPort: 81, name: 'web' }] }]))).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
      'spec.containers[0].ports[1].name: Duplicate value: "web"',
    ]);
    expect(errors(pod([{ name: 'a', image: 'x', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }]))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
    ]);
    expect(errors(pod([{ name: 'a', image: 'x', volumeMounts: [{ name: 'data', mountPath: '/data' }] }]))).toEqual(['spec.containers[0].volumeMounts[0].name: Not found: "data"']);
  });

  it('checks pod restart policy and service types and ports', () => {
    expect(errors({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'x' }] } })).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    ]);
    const svc = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec });
    expect(errors(svc({}))).toEqual(['spec.ports: Required value']);
    expect(errors(svc({ type: 'Public', ports: [{ port: 0 }, { port: 80 }] }))).toEqual([
      'spec.ports[0].name: Required value',
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[1].name: Required value',
      'spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    ]);
  });
});

describe('validateUpdate', () => {
  it('keeps a Deployment selector immutable', () => {
    const old = deployment('web');
    const changed = deployment('web', { selector: { matchLabels: { app: 'web2' } }, template: template({ app: 'web2' }) });
    expect(updateErrors(changed, old)).toEqual([
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    ]);
  });

  it('lets a pod change only its images (and a few more fields)', () => {
    const pod = (image: string, extra: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image }], ...extra } });
    expect(updateErrors(pod('nginx:2'), pod('nginx:1'))).toEqual([]);
    const errs = updateErrors(pod('nginx:1', { dnsPolicy: 'Default' }), pod('nginx:1'));
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/);
    expect(errs[0]).toContain('- \tDNSPolicy: "ClusterFirst",\n+ \tDNSPolicy: "Default",');
  });

  it('keeps a namespace name and a service cluster IP', () => {
    expect(updateErrors(namespace('b'), namespace('a'))).toEqual(['metadata.name: Invalid value: "b": field is immutable']);
    const svc = (clusterIP: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { clusterIP, clusterIPs: [clusterIP], ports: [{ port: 80 }] } });
    expect(updateErrors(svc('10.96.0.20'), svc('10.96.0.10'))).toEqual(['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.20"}: may not change once set']);
  });
});
