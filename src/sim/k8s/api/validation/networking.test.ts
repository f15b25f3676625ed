import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../defaults/applyDefaults';
import { fieldErrorString } from '../fieldErrors';
import { ResourceRegistry } from '../resources';
import type { KubeObject } from '../types';
import { validateCreate, validateUpdate } from './validate';

const registry = new ResourceRegistry();
const prepared = (obj: Record<string, unknown>): [KubeObject, NonNullable<ReturnType<ResourceRegistry['forKind']>>] => {
  const info = registry.forKind(obj.apiVersion as string, obj.kind as string)!;
  const o = { ...obj, metadata: { ...(info.namespaced ? { namespace: 'default' } : {}), ...(obj.metadata as object) } } as KubeObject;
  return [applyDefaults(o, info), info];
};
const errors = (obj: Record<string, unknown>) => validateCreate(...prepared(obj)).map(fieldErrorString);
const updateErrors = (obj: Record<string, unknown>, old: Record<string, unknown>) => {
  const [o, info] = prepared(obj);
  return validateUpdate(o, prepared(old)[0], info).map(fieldErrorString);
};

const backend = (name: string, port: Record<string, unknown> = { number: 80 }) => ({ service: { name, port } });
const ingress = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', ...metadata }, spec });
const rule = (paths: Record<string, unknown>[], host?: string) => ({ ...(host ? { host } : {}), http: { paths } });

describe('Ingress validation (ValidateIngressCreate)', () => {
  it('needs rules or a default backend', () => {
    expect(errors(ingress({}))).toEqual(['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']);
  });

  it('requires pathType on every path', () => {
    expect(errors(ingress({ rules: [rule([{ path: '/', backend: backend('web') }])] }))).toEqual(['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']);
  });

  it('rejects relative, dotted and unknown-type paths with the API server messages', () => {
    const paths = [
      { path: 'api', pathType: 'Prefix', backend: backend('web') },
      { path: '/a//b', pathType: 'Exact', backend: backend('web') },
      { path: '/a/..', pathType: 'Prefix', backend: backend('web') },
      { path: '/x', pathType: 'Regex', backend: backend('web') },
    ];
    expect(errors(ingress({ rules: [rule(paths)] }))).toEqual([
      'spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path',
      "spec.rules[0].http.paths[1].path: Invalid value: \"/a//b\": must not contain '//'",
      "spec.rules[0].http.paths[2].path: Invalid value: \"/a/..\": cannot end with '/..'",
      'spec.rules[0].http.paths[3].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"',
    ]);
  });

  it('allows an empty ImplementationSpecific path and a wildcard host', () => {
    expect(errors(ingress({ rules: [rule([{ pathType: 'ImplementationSpecific', backend: backend('web') }], '*.example.com')] }))).toEqual([]);
  });

  it('rejects an IP host, a bad wildcard and an invalid backend', () => {
    expect(errors(ingress({ rules: [rule([{ path: '/', pathType: 'Prefix', backend: backend('Web_1') }], '10.0.0.1')] }))).toEqual([
      'spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address',
      "spec.rules[0].http.paths[0].backend.service.name: Invalid value: \"Web_1\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(errors(ingress({ rules: [rule([{ path: '/', pathType: 'Prefix', backend: backend('web') }], 'a.*.com')] }))[0]).toContain("a wildcard DNS-1123 subdomain must start with '*.'");
  });

  it('needs a port name or number, not both', () => {
    expect(errors(ingress({ defaultBackend: backend('web', {}) }))).toEqual(['spec.defaultBackend: Required value: port name or number is required']);
    expect(errors(ingress({ defaultBackend: backend('web', { name: 'http', number: 80 }) }))).toEqual(['spec.defaultBackend: Invalid value: "": cannot set both port name & port number']);
  });

  it('on create only, the class annotation must match ingressClassName', () => {
    const ing = ingress({ ingressClassName: 'nginx', defaultBackend: backend('web') }, { annotations: { 'kubernetes.io/ingress.class': 'traefik' } });
    expect(errors(ing)).toEqual(['annotations.kubernetes.io/ingress.class: Invalid value: "traefik": must match `ingressClassName` when both are specified']);
    expect(updateErrors(ing, ing)).toEqual([]);
  });
});

describe('IngressClass validation', () => {
  const cls = (spec: Record<string, unknown>) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'nginx' }, spec });

  it('needs a domain-prefixed controller, immutable on update', () => {
    expect(errors(cls({}))).toEqual(['spec.controller: Required value']);
    expect(errors(cls({ controller: 'nginx' }))).toEqual(['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']);
    expect(updateErrors(cls({ controller: 'example.com/b' }), cls({ controller: 'k8s.io/ingress-nginx' }))).toEqual(['spec.controller: Invalid value: "example.com/b": field is immutable']);
  });

  it('defaults a parameters scope to Cluster, which forbids a namespace', () => {
    const params = { kind: 'IngressParameters', name: 'p', namespace: 'x' };
    expect(errors(cls({ controller: 'k8s.io/ingress-nginx', parameters: params }))).toEqual(["spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"]);
  });
});

describe('PriorityClass validation', () => {
  const pc = (name: string, value: number, extra: Record<string, unknown> = {}) => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, ...extra });

  it('caps user values at one billion and reserves the system- prefix', () => {
    expect(errors(pc('huge', 1000000001))).toEqual(['value: Forbidden: maximum allowed value of a user defined priority is 1000000000']);
    expect(errors(pc('system-mine', 10))).toEqual(["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class"]);
  });

  it('keeps value and preemptionPolicy immutable', () => {
    expect(updateErrors(pc('high', 2000), pc('high', 1000))).toEqual(['value: Forbidden: may not be changed in an update.']);
    expect(updateErrors(pc('high', 1000, { preemptionPolicy: 'Never' }), pc('high', 1000))).toEqual(['preemptionPolicy: Invalid value: "Never": field is immutable']);
    expect(updateErrors(pc('high', 1000, { description: 'now described' }), pc('high', 1000))).toEqual([]);
  });
});
