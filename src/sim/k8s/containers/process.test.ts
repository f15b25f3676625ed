import { describe, expect, it } from 'vitest';
import { IMAGE_CATALOG } from '../images/catalog';
import { ContainerProcess, type ProcessSpec } from './process';

const T0 = Date.parse('2026-01-01T00:00:00Z');

function proc(image: string, over: Partial<ProcessSpec> = {}): ContainerProcess {
  return new ContainerProcess({
    profile: IMAGE_CATALOG[image],
    image,
    context: {
      env: () => new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', 'web-1']]),
      // The image's files and the kubelet's, as containerFiles gives them.
      files: () => new Map([...Object.entries(IMAGE_CATALOG[image].files ?? {}), ['/etc/hostname', 'web-1\n']]),
    },
    hostname: 'web-1',
    podIP: '10.244.1.5',
    initContainer: false,
    startedAt: T0,
    ...over,
  });
}
const BUSYBOX = 'docker.io/library/busybox';
const text = (p: ContainerProcess) => p.logs.map((l) => l.text);

describe('container processes', () => {
  it('busybox without a command exits 0 at once (sh reads end of input)', () => {
    const p = proc(BUSYBOX);
    p.advance(T0 + 1000);
    expect(p.exit).toMatchObject({ code: 0, reason: 'Completed', at: T0 });
  });

  it('busybox with stdin and tty keeps its shell open', () => {
    const p = proc(BUSYBOX, { stdin: true, tty: true });
    p.advance(T0 + 3_600_000 * 5);
    expect(p.exit).toBeUndefined();
  });

  it('sleep 3600 keeps running, then completes at 3600 s', () => {
    const p = proc(BUSYBOX, { command: ['sleep', '3600'] });
    p.advance(T0 + 3_599_000);
    expect(p.exit).toBeUndefined();
    expect(p.nextWake()).toBe(T0 + 3_600_000);
    p.advance(T0 + 3_600_000);
    expect(p.exit).toMatchObject({ code: 0, at: T0 + 3_600_000 });
  });

  it("sh -c 'echo hi' completes with its output in the logs", () => {
    const p = proc(BUSYBOX, { command: ['sh', '-c', 'echo hi'] });
    p.advance(T0);
    expect(p.exit?.code).toBe(0);
    expect(text(p)).toEqual(['hi']);
  });

  it('exit 1 fails with reason Error', () => {
    const p = proc(BUSYBOX, { command: ['sh', '-c', 'echo bye; exit 1'] });
    p.advance(T0);
    expect(p.exit).toMatchObject({ code: 1, reason: 'Error' });
  });

  it('the docs liveness script creates /tmp/healthy, then removes it after 30 s', () => {
    const p = proc(BUSYBOX, { args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] });
    p.advance(T0 + 29_000);
    expect(p.run(['cat', '/tmp/healthy'], T0 + 29_000, 1000).code).toBe(0);
    p.advance(T0 + 31_000);
    const r = p.run(['cat', '/tmp/healthy'], T0 + 31_000, 1000);
    expect(r.code).toBe(1);
    expect(r.output).toBe("cat: can't open '/tmp/healthy': No such file or directory\n");
  });

  it('a while loop with echo and sleep logs once per iteration, with env expansion', () => {
    const p = proc(BUSYBOX, { command: ['sh', '-c', 'i=0; while [ $i -lt 3 ]; do i=$((i + 1)); echo "tick $i $HOSTNAME"; sleep 5; done; sleep 100'] });
    p.advance(T0 + 12_000);
    expect(text(p)).toEqual(['tick 1 web-1', 'tick 2 web-1', 'tick 3 web-1']);
    expect(p.exit).toBeUndefined();
  });

  it('a for loop, if/else and && / || behave as in sh', () => {
    const p = proc(BUSYBOX, { command: ['sh', '-c', 'for x in a b; do echo $x; done; if [ -f /etc/hostname ]; then echo yes; else echo no; fi; false && echo never || echo fallback'] });
    p.advance(T0);
    expect(text(p)).toEqual(['a', 'b', 'yes', 'fallback']);
  });

  it('an unknown command in busybox is "not found" with status 127', () => {
    const p = proc(BUSYBOX, { command: ['sh', '-c', 'frobnicate'] });
    p.advance(T0);
    expect(p.exit?.code).toBe(127);
    expect(text(p)).toEqual(['sh: frobnicate: not found']);
  });

  it('set -e stops at the first failing command', () => {
    const p = proc(BUSYBOX, { command: ['sh', '-c', 'set -e; echo one; false; echo two'] });
    p.advance(T0);
    expect(text(p)).toEqual(['one']);
    expect(p.exit?.code).toBe(1);
  });

  it('nginx starts, logs its start-up lines and listens on 80', () => {
    const p = proc('docker.io/library/nginx');
    p.advance(T0 + 1000);
    expect(p.exit).toBeUndefined();
    expect(text(p)[0]).toContain('/docker-entrypoint.sh');
    expect(p.http(80, '/', T0 + 1000)).toBe(200);
    expect(p.http(80, '/healthz', T0 + 1000)).toBe(404);
    expect(p.http(8080, '/', T0 + 1000)).toBe('refused');
  });

  it('nginx has logged its start-up lines and opened its port the moment it runs', () => {
    const image = 'docker.io/library/nginx';
    const files = () => new Map(Object.entries(IMAGE_CATALOG[image].files ?? {}));
    const p = proc(image, { context: { env: () => new Map(), files, cpus: () => 2 } });
    p.advance(T0);
    expect(text(p)[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(text(p).slice(-3)).toEqual([
      '2026/01/01 00:00:00 [notice] 1#1: start worker processes',
      '2026/01/01 00:00:00 [notice] 1#1: start worker process 29',
      '2026/01/01 00:00:00 [notice] 1#1: start worker process 30',
    ]);
    expect(p.http(80, '/', T0)).toBe(200);
    p.advance(T0 + 1000);
    expect(text(p)).toHaveLength(17);
  });

  it('postgres logs that it is ready only once it is (its start takes seconds)', () => {
    const p = proc('docker.io/library/postgres', { context: { env: () => new Map([['POSTGRES_PASSWORD', 'x']]), files: () => new Map() } });
    p.advance(T0);
    expect(text(p)).toEqual([]);
    p.advance(T0 + 3000);
    expect(text(p).at(-1)).toContain('database system is ready to accept connections');
  });

  it('nginx serves the files of its document root: a page written in the container is what it answers', () => {
    const p = proc('docker.io/library/nginx');
    p.advance(T0 + 1000);
    expect(p.staticFile('/')).toContain('<title>Welcome to nginx!</title>');
    p.files.set('/usr/share/nginx/html/index.html', '<h1>mine</h1>\n');
    expect(p.staticFile('/index.html')).toBe('<h1>mine</h1>\n');
    expect(p.http(80, '/50x.html', T0 + 1000)).toBe(200);
    expect(p.http(80, '/missing.html', T0 + 1000)).toBe(404);
    p.files.delete('/usr/share/nginx/html/index.html');
    expect(p.http(80, '/', T0 + 1000)).toBe(403);
  });

  it('postgres without POSTGRES_PASSWORD exits 1 with its real complaint', () => {
    const p = proc('docker.io/library/postgres');
    p.advance(T0 + 5000);
    expect(p.exit?.code).toBe(1);
    expect(text(p)[0]).toBe('Error: Database is uninitialized and superuser password is not specified.');
  });

  it('stress allocating more than the memory limit is OOMKilled', () => {
    const p = proc('docker.io/polinux/stress', { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'], memoryLimit: 100 * 1024 * 1024 });
    p.advance(T0 + 1000);
    expect(p.exit).toMatchObject({ code: 137, reason: 'OOMKilled' });
  });

  it('stress within its memory limit keeps running', () => {
    const p = proc('docker.io/polinux/stress', { command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'], memoryLimit: 200 * 1024 * 1024 });
    p.advance(T0 + 60_000);
    expect(p.exit).toBeUndefined();
    expect(p.memoryBytes()).toBeGreaterThan(150 * 1024 * 1024);
  });

  it('the liveness demo server answers /healthz 200 for 10 s, then 500', () => {
    const p = proc('registry.k8s.io/liveness', { args: ['/server'] });
    p.advance(T0 + 9000);
    expect(p.http(8080, '/healthz', T0 + 9000)).toBe(200);
    expect(p.http(8080, '/healthz', T0 + 10_500)).toBe(500);
  });

  it('agnhost liveness answers /healthz 200 for 10 s after it started, then 500; /started 200; other paths 404', () => {
    const p = proc('registry.k8s.io/e2e-test-images/agnhost', { args: ['liveness'] });
    p.advance(T0 + 1000);
    expect(p.http(8080, '/healthz', T0 + 9000)).toBe(200);
    expect(p.http(8080, '/started', T0 + 20_000)).toBe(200);
    expect(p.http(8080, '/', T0 + 5000)).toBe(404);
    expect(p.http(8080, '/healthz', T0 + 10_500)).toBe(500);
    const netexec = proc('registry.k8s.io/e2e-test-images/agnhost', { args: ['netexec', '--http-port=8080'] });
    netexec.advance(T0 + 1000);
    expect(netexec.http(8080, '/healthz', T0 + 60_000)).toBe(200);
  });

  it('a shell command in an image without a shell cannot start', () => {
    const p = proc('registry.k8s.io/pause', { command: ['sh', '-c', 'echo hi'] });
    p.advance(T0);
    expect(p.exit).toMatchObject({ code: 128, reason: 'StartError' });
  });

  it('a syntax error is reported the way sh does, status 2', () => {
    const p = proc(BUSYBOX, { command: ['sh', '-c', 'if true; then echo x'] });
    p.advance(T0);
    expect(p.exit?.code).toBe(2);
    expect(text(p)[0]).toMatch(/^sh: syntax error/);
  });

  it("zookeeper-ready fails until the server listens on the port it names, then succeeds (the docs' exec probe)", () => {
    const p = proc('registry.k8s.io/kubernetes-zookeeper', { command: ['sh', '-c', 'start-zookeeper --servers=3'] });
    p.advance(T0 + 1000);
    expect(p.run(['sh', '-c', 'zookeeper-ready 2181'], T0 + 1000, 5000)).toMatchObject({ code: 1, timedOut: false });
    p.advance(T0 + 3000);
    expect(p.run(['sh', '-c', 'zookeeper-ready 2181'], T0 + 3000, 5000)).toMatchObject({ code: 0, timedOut: false });
    expect(p.run(['sh', '-c', 'zookeeper-ready 9999'], T0 + 3000, 5000).code).toBe(1);
    expect(p.exit).toBeUndefined();
  });

  it('cassandra answers nodetool status and its ready-probe script once it has started', () => {
    const p = proc('gcr.io/google-samples/cassandra');
    p.advance(T0 + 9000);
    expect(p.run(['/bin/bash', '-c', 'nodetool status'], T0 + 9000, 5000).code).toBe(0);
    expect(p.run(['/bin/bash', '-c', '/ready-probe.sh'], T0 + 9000, 5000).code).toBe(0);
    expect(p.hasProgram('nodetool')).toBe(true);
  });

  it('tail prints the last lines of a file; tail -F keeps running to follow it', () => {
    const p = proc(BUSYBOX, { command: ['sh', '-c', 'printf "1\\n2\\n3\\n" > /log; tail -n 2 /log; tail -F /log'] });
    p.advance(T0 + 60_000);
    expect(text(p)).toEqual(['2', '3', '1', '2', '3']);
    expect(p.exit).toBeUndefined();
  });

  it('tail of a missing file complains as busybox does', () => {
    const p = proc(BUSYBOX, { command: ['sh', '-c', 'tail /nope'] });
    p.advance(T0 + 1000);
    expect(text(p)).toEqual(["tail: can't open '/nope': No such file or directory"]);
    expect(p.exit?.code).toBe(1);
  });

  it("an image's own program without arguments runs exactly as it does with arguments it ignores", () => {
    // The entrypoint without arguments runs as a small state machine; with ignored arguments, as the generator.
    const images = Object.keys(IMAGE_CATALOG).filter((i) => IMAGE_CATALOG[i].kind !== 'shell' && !IMAGE_CATALOG[i].entrypoint);
    expect(images.length).toBeGreaterThan(10);
    const trace = (p: ContainerProcess, profile: (typeof IMAGE_CATALOG)[string]) => {
      const out: unknown[] = [];
      for (const t of [T0, T0 + 1, T0 + Math.round(profile.startMs / 4), T0 + profile.startMs - 1, T0 + profile.startMs, T0 + profile.startMs + 1, T0 + 3_600_000, T0 + 3 * 3_600_000]) {
        p.advance(t);
        out.push([t - T0, p.exit, p.nextWake(), [...p.listening], p.memoryBytes(), text(p), (profile.ports ?? []).map((port) => p.http(port, '/', t))]);
      }
      return out;
    };
    for (const image of images) {
      const profile = IMAGE_CATALOG[image];
      for (const env of [undefined, { env: () => new Map(profile.requiresEnv?.map((k) => [k, 'x'])), files: () => new Map() }]) {
        const over = env ? { context: env } : {};
        expect(trace(proc(image, over), profile), image).toEqual(trace(proc(image, { ...over, args: ['ignored'] }), profile));
      }
    }
  });
});
