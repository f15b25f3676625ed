import { describe, it, expect } from 'vitest';
import { ResourceRegistry } from '../resources';
import type { KubeObject } from '../types';
import { applyDefaults } from './applyDefaults';
import { imageTag } from './podDefaults';

const registry = new ResourceRegistry();
const info = (apiVersion: string, kind: string) => registry.forKind(apiVersion, kind)!;

describe('applyDefaults', () => {
  it('fills a Deployment as `kubectl get deployment -o yaml` shows it (docs nginx-deployment)', () => {
    const d = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'nginx-deployment', labels: { app: 'nginx' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'nginx' } },
        template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] } },
      },
    } as KubeObject;
    const out = applyDefaults(d, info('apps/v1', 'Deployment'));
    expect(out.spec).toEqual({
      progressDeadlineSeconds: 600,
      replicas: 3,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'nginx' } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: {
          containers: [
            {
              image: 'nginx:1.14.2',
              imagePullPolicy: 'IfNotPresent',
              name: 'nginx',
              ports: [{ containerPort: 80, protocol: 'TCP' }],
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    });
    expect((d.spec as { strategy?: unknown }).strategy).toBeUndefined();
  });

  it('leaves rollingUpdate out of a Recreate strategy and keeps explicit values', () => {
    const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 0, strategy: { type: 'Recreate' }, revisionHistoryLimit: 0 } } as KubeObject;
    expect(applyDefaults(d, info('apps/v1', 'Deployment')).spec).toMatchObject({ replicas: 0, strategy: { type: 'Recreate' }, revisionHistoryLimit: 0 });
  });

  it('defaults a Pod: pull policy from the tag, requests from limits, probes, enableServiceLinks', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        containers: [
          { name: 'a', image: 'nginx', resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m' } }, livenessProbe: { httpGet: { port: 80 } } },
          { name: 'b', image: 'registry.local:5000/app@sha256:abc', env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] },
        ],
        volumes: [{ name: 'v' }, { name: 'c', configMap: { name: 'cm' } }],
      },
    } as KubeObject;
    const spec = applyDefaults(pod, info('v1', 'Pod')).spec as Record<string, any>;
    expect(spec.enableServiceLinks).toBe(true);
    expect(spec.containers[0].imagePullPolicy).toBe('Always');
    expect(spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m', memory: '128Mi' } });
    expect(spec.containers[0].livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(spec.containers[1].imagePullPolicy).toBe('IfNotPresent');
    expect(spec.containers[1].env[0].valueFrom.fieldRef).toEqual({ fieldPath: 'metadata.name', apiVersion: 'v1' });
    expect(spec.volumes).toEqual([{ name: 'v', emptyDir: {} }, { name: 'c', configMap: { name: 'cm', defaultMode: 420 } }]);
  });

  it('reads the image tag as ParseImageName does', () => {
    expect(imageTag('nginx')).toBe('latest');
    expect(imageTag('nginx:latest')).toBe('latest');
    expect(imageTag('nginx:1.25')).toBe('1.25');
    expect(imageTag('localhost:5000/nginx')).toBe('latest');
    expect(imageTag('nginx@sha256:abcd')).toBe('');
    expect(imageTag('nginx:1.25@sha256:abcd')).toBe('1.25');
  });

  it('fills a Service as `kubectl get svc -o yaml` shows it (allocation aside)', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as KubeObject;
    expect(applyDefaults(svc, info('v1', 'Service')).spec).toEqual({
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
      ipFamilyPolicy: 'SingleStack',
      ipFamilies: ['IPv4'],
    });
    const np = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'np' }, spec: { type: 'LoadBalancer', ports: [{ port: 80, targetPort: 'http' }] } } as KubeObject;
    expect(applyDefaults(np, info('v1', 'Service')).spec).toMatchObject({ externalTrafficPolicy: 'Cluster', allocateLoadBalancerNodePorts: true, ports: [{ targetPort: 'http' }] });
    const headless = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'h' }, spec: { clusterIP: 'None', selector: { app: 'db' } } } as KubeObject;
    expect(applyDefaults(headless, info('v1', 'Service')).spec).toMatchObject({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4'] });
  });

  it('gives a Namespace its name label, the kubernetes finalizer and phase Active', () => {
    const ns = applyDefaults({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } } as KubeObject, info('v1', 'Namespace'));
    expect(ns).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it('defaults a ReplicaSet to one replica and its template', () => {
    const rs = applyDefaults({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { template: { spec: { containers: [{ name: 'a', image: 'x:1' }] } } } } as KubeObject, info('apps/v1', 'ReplicaSet'));
    expect(rs.spec).toMatchObject({ replicas: 1, template: { spec: { restartPolicy: 'Always', containers: [{ imagePullPolicy: 'IfNotPresent' }] } } });
  });
});
