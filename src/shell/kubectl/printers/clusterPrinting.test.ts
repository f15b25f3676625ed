import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster, type KubeObject } from '../../../sim/k8s/index';
import { describe as describeObject, printObjects, printTable, type PrintContext } from './index';

/**
 * The printers over the real simulated cluster: a two-replica deployment,
 * thirty virtual seconds later. Checks the shape kubectl would print, not
 * names the simulation chooses.
 */
let cluster: Cluster;
let ctx: PrintContext;
const info = (resource: string) => cluster.resources.byName(resource)!;
const pods = () => ctx.client.list('pods', { namespace: 'default' });

beforeAll(() => {
  cluster = createCluster({ seed: 3 });
  const client = cluster.client();
  client.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] } } },
  } as KubeObject);
  client.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } } as KubeObject);
  cluster.advance(30_000);
  ctx = { cluster, client, now: cluster.now() };
});

describe('printers over a running simulated cluster', () => {
  it('prints the nodes with roles and versions', () => {
    const out = printTable(info('nodes'), ctx.client.list('nodes'), {}, ctx).split('\n');
    expect(out[0]).toMatch(/^NAME {12}STATUS {3}ROLES {11}AGE {3}VERSION$/);
    expect(out[1]).toMatch(/^control-plane {3}Ready {4}control-plane {3}30s {3}v1\.32\.\d+$/);
    expect(out[2]).toMatch(/^worker-1 {8}Ready {4}<none> {10}30s {3}v1\.32\.\d+$/);
  });

  it('prints running pods and their deployment and replica set', () => {
    const table = printTable(info('pods'), pods(), { withKindPrefix: true }, ctx);
    expect(table.split('\n')[0]).toMatch(/^NAME +READY   STATUS    RESTARTS   AGE$/);
    expect(table.split('\n').slice(1, 3).every((l) => /^pod\/web-[a-z0-9]+-[a-z0-9]{5} {3}1\/1 {5}Running {3}0 {10}30s$/.test(l))).toBe(true);
    expect(printTable(info('deployments.apps'), ctx.client.list('deployments.apps', { namespace: 'default' }), {}, ctx)).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    2/2     2            2           30s\n');
  });

  it('describes a pod with its owner, running state, requests and scheduler/kubelet events', () => {
    const pod = pods()[0];
    const out = describeObject(info('pods'), pod, ctx);
    expect(out).toMatch(/^Name: {13}web-/);
    expect(out).toContain('Status:           Running\n');
    expect(out).toMatch(/\nControlled By:  ReplicaSet\/web-[a-z0-9]+\n/);
    expect(out).toContain('    Requests:\n      cpu:        100m\n      memory:     64Mi\n    Environment:  <none>\n');
    expect(out).toContain('QoS Class:                   Burstable\n');
    expect(out).toMatch(/\n {2}Normal {2}Scheduled {2}30s {3}default-scheduler {2}Successfully assigned default\/web-/);
  });

  it('describes the deployment with its new replica set and scaling event', () => {
    const out = describeObject(info('deployments.apps'), ctx.client.get('deployments.apps', 'default', 'web')!, ctx);
    expect(out).toContain('Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable\n');
    expect(out).toMatch(/\nOldReplicaSets: {2}<none>\nNewReplicaSet: {3}web-[a-z0-9]+ \(2\/2 replicas created\)\nEvents:\n/);
    expect(out).toMatch(/ScalingReplicaSet {2}30s {3}deployment-controller {2}Scaled up replica set web-[a-z0-9]+ from 0 to 2\n$/);
  });

  it('describes a node with the pods bound to it', () => {
    const pod = pods()[0];
    const nodeName = (pod.spec as { nodeName: string }).nodeName;
    const out = describeObject(info('nodes'), ctx.client.get('nodes', undefined, nodeName)!, ctx);
    const onNode = pods().filter((p) => (p.spec as { nodeName: string }).nodeName === nodeName).length;
    expect(out).toContain(`Non-terminated Pods:          (${onNode} in total)\n`);
    expect(out).toContain(`  default                     ${pod.metadata.name}    100m (2%)     0 (0%)      64Mi (0%)        0 (0%)         30s\n`);
    expect(out).toMatch(/\nLease:\n {2}HolderIdentity: {2}worker-\d\n/);
  });

  it('describes services with endpoints from ready pods and the API server', () => {
    const web = describeObject(info('services'), ctx.client.get('services', 'default', 'web')!, ctx);
    const want = pods()
      .map((p) => `${(p.status as { podIP: string }).podIP}:80`)
      .sort();
    const line = /\nEndpoints: +(\S+)\n/.exec(web);
    expect(line?.[1].split(',').sort()).toEqual(want);
    const cp = ctx.client.get('nodes', undefined, 'control-plane') as { status: { addresses: { type: string; address: string }[] } } & KubeObject;
    const apiIp = cp.status.addresses.find((a) => a.type === 'InternalIP')!.address;
    expect(describeObject(info('services'), ctx.client.get('services', 'default', 'kubernetes')!, ctx)).toContain(`Endpoints:                ${apiIp}:6443\n`);
  });

  it('round-trips a pod through -o yaml and lists names with jsonpath', () => {
    const pod = pods()[0];
    const yaml = printObjects({ type: 'yaml' }, [pod], { asList: false }, ctx);
    expect('text' in yaml && parse(yaml.text)).toEqual(JSON.parse(JSON.stringify({ ...pod, metadata: { ...pod.metadata, managedFields: undefined } })));
    const names = printObjects({ type: 'jsonpath', template: '{.items[*].metadata.name}' }, pods(), { asList: true }, ctx);
    expect(names).toEqual({ text: pods().map((p) => p.metadata.name).join(' ') });
  });
});
