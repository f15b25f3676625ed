import { describe, expect, it } from 'vitest';
import { world } from '../../testing/harness';

const exec = (w: ReturnType<typeof world>, argv: string[]) => {
  const r = w.exec('p', undefined, argv);
  return r.ok ? { code: r.code, output: r.output } : { code: -1, output: r.message };
};

const pod = `
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: c
    image: busybox:1.36
    command: [sleep, "3600"]
    volumeMounts:
    - {name: absent, mountPath: /etc/vol/absent}
    - {name: scratch, mountPath: /scratch}
  volumes:
  - {name: absent, configMap: {name: not-there, optional: true}}
  - {name: scratch, emptyDir: {}}
`;

describe('volume mount points', () => {
  it('an optional ConfigMap volume whose ConfigMap is missing, and a fresh emptyDir, are empty directories', () => {
    const w = world({ workers: 1 }).apply(pod).advance('20s');
    expect(exec(w, ['ls', '/etc/vol/absent'])).toEqual({ code: 0, output: '' });
    expect(exec(w, ['ls', '/scratch'])).toEqual({ code: 0, output: '' });
    expect(exec(w, ['ls', '/etc/vol'])).toEqual({ code: 0, output: 'absent\n' });
    expect(exec(w, ['ls', '/etc/vol/nope'])).toEqual({ code: 1, output: 'ls: /etc/vol/nope: No such file or directory\n' });
  });

  it('ls of several operands prints each under a header, sorted by name, as busybox does', () => {
    const w = world({ workers: 1 }).apply(pod).advance('20s');
    exec(w, ['sh', '-c', 'echo x > /scratch/f']);
    expect(exec(w, ['ls', '/scratch', '/etc/vol/absent'])).toEqual({ code: 0, output: '/etc/vol/absent:\n\n/scratch:\nf\n' });
  });
});
