import type { Pod, PodSpec } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../sim/k8s/index';
import { ephemeralDebugContainer, nodeDebugPod, podCopy, type DebugSpec, type Profile } from './debugPods';

const spec = (profile: Profile, over: Partial<DebugSpec> = {}): DebugSpec => ({
  name: 'debugger-abcde',
  image: 'busybox',
  env: [],
  pullPolicy: '',
  stdin: true,
  tty: true,
  args: [],
  argsOnly: false,
  profile,
  keep: { labels: false, annotations: false, liveness: false, readiness: false, startup: false, initContainers: true },
  ...over,
});

const POD: KubeObject & Pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { note: 'x' } },
  spec: {
    nodeName: 'worker-1',
    containers: [{ name: 'nginx', image: 'nginx', livenessProbe: { httpGet: { path: '/', port: 80 } }, readinessProbe: { httpGet: { path: '/', port: 80 } } }],
    initContainers: [{ name: 'setup', image: 'busybox' }],
    ephemeralContainers: [{ name: 'old', image: 'busybox' }],
  },
};

const copyOf = (d: DebugSpec | undefined, setImages = new Map<string, string>()) => {
  const r = podCopy(POD, d, { name: 'web-debug', containerName: d?.name ?? '', setImages, sameNode: false, shareProcesses: undefined, newName: () => 'debugger-xyz12' });
  if ('error' in r) throw new Error(r.error);
  return { pod: r.pod, spec: r.pod.spec as PodSpec, container: r.container };
};

describe('kubectl debug: the pods and containers it makes (profiles.go)', () => {
  it('an ephemeral container is the debug flags only; legacy adds nothing, general adds SYS_PTRACE, netadmin NET_ADMIN and NET_RAW', () => {
    expect(ephemeralDebugContainer(spec('legacy'), 'nginx')).toEqual({ name: 'debugger-abcde', image: 'busybox', stdin: true, terminationMessagePolicy: 'File', tty: true, targetContainerName: 'nginx' });
    expect(ephemeralDebugContainer(spec('general'), '').securityContext).toEqual({ capabilities: { add: ['SYS_PTRACE'] } });
    expect(ephemeralDebugContainer(spec('netadmin'), '').securityContext).toEqual({ capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } });
    expect(ephemeralDebugContainer(spec('sysadmin'), '').securityContext).toEqual({ privileged: true });
    expect(ephemeralDebugContainer(spec('restricted'), '').securityContext).toEqual({ runAsNonRoot: true, capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false, seccompProfile: { type: 'RuntimeDefault' } });
  });

  it('the command after -- is the container command, or its args with --arguments-only', () => {
    expect(ephemeralDebugContainer(spec('legacy', { args: ['sh', '-c', 'id'] }), '').command).toEqual(['sh', '-c', 'id']);
    expect(ephemeralDebugContainer(spec('legacy', { args: ['-c', 'id'], argsOnly: true }), '').args).toEqual(['-c', 'id']);
  });

  it('a node debugging pod runs on the node in its host namespaces, tolerating everything, the host root at /host', () => {
    const pod = nodeDebugPod(spec('legacy', { name: 'debugger' }), 'worker-1', 'node-debugger-worker-1-abcde');
    const s = pod.spec as PodSpec;
    expect(pod.metadata.name).toBe('node-debugger-worker-1-abcde');
    expect(s).toMatchObject({ nodeName: 'worker-1', restartPolicy: 'Never', tolerations: [{ operator: 'Exists' }], hostNetwork: true, hostPID: true, hostIPC: true });
    expect(s.volumes).toEqual([{ name: 'host-root', hostPath: { path: '/' } }]);
    expect(s.containers[0].volumeMounts).toEqual([{ mountPath: '/host', name: 'host-root' }]);
    const baseline = nodeDebugPod(spec('baseline', { name: 'debugger' }), 'worker-1', 'n').spec as PodSpec;
    expect(baseline.hostNetwork).toBeUndefined();
    expect(baseline.volumes).toBeUndefined();
  });

  it('a copy drops the ephemeral containers and the node; legacy drops only the labels', () => {
    const { pod, spec: s, container } = copyOf(spec('legacy'));
    expect(pod.metadata).toEqual({ name: 'web-debug', namespace: 'default', annotations: { note: 'x' } });
    expect(s.nodeName).toBeUndefined();
    expect(s.ephemeralContainers).toBeUndefined();
    expect(s.containers.map((c) => c.name)).toEqual(['nginx', 'debugger-abcde']);
    expect(s.containers[0].livenessProbe).toBeDefined();
    expect(s.shareProcessNamespace).toBeUndefined();
    expect(container).toBe('debugger-abcde');
  });

  it('a copy under general loses labels, annotations and probes, keeps init containers, shares processes, and traces', () => {
    const { pod, spec: s } = copyOf(spec('general'));
    expect(pod.metadata.labels).toBeUndefined();
    expect(pod.metadata.annotations).toBeUndefined();
    expect(s.containers[0].livenessProbe).toBeUndefined();
    expect(s.containers[0].readinessProbe).toBeUndefined();
    expect(s.initContainers).toHaveLength(1);
    expect(s.shareProcessNamespace).toBe(true);
    expect(s.containers[1].securityContext).toEqual({ capabilities: { add: ['SYS_PTRACE'] } });
  });

  it('--set-image alone changes images and keeps the labels (no profile applies); a new container needs an image', () => {
    const { pod, spec: s, container } = copyOf(undefined, new Map([['*', 'nginx:1.26']]));
    expect(pod.metadata.labels).toEqual({ app: 'web' });
    expect(s.containers[0].image).toBe('nginx:1.26');
    expect(container).toBe('');
    expect(podCopy(POD, spec('legacy', { name: '', image: '' }), { name: 'c', containerName: '', setImages: new Map(), sameNode: false, shareProcesses: undefined, newName: () => 'x' })).toEqual({ error: 'you must specify image when creating new container' });
  });

  it('naming an existing container changes its command instead of adding one', () => {
    const { spec: s, container } = copyOf(spec('legacy', { name: 'nginx', image: '', args: ['sh'] }));
    expect(container).toBe('nginx');
    expect(s.containers).toHaveLength(1);
    expect(s.containers[0].command).toEqual(['sh']);
    expect(s.containers[0].image).toBe('nginx');
  });
});
