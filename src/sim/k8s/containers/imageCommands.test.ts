import { describe, expect, it } from 'vitest';
import { IMAGE_CATALOG } from '../images/catalog';
import { imageCommand, type ImageCommandHost } from './imageCommands';
import { newRedisServer } from './redis';
import type { Io, Yield } from './sh/interpret';

const T0 = Date.parse('2026-01-01T00:00:00Z');

/** Runs `argv` as an image command on a fake container: its output, status and what it did to the container. */
function run(argv: string[], over: Partial<ImageCommandHost> = {}) {
  let now = T0;
  let out = '';
  let err = '';
  const main: string[] = [];
  const listening = new Set<number>([80, 6379]);
  let ended: number | undefined;
  let pid = 32;
  const server = newRedisServer();
  const host: ImageCommandHost = {
    profile: IMAGE_CATALOG['docker.io/library/nginx'],
    podIP: '10.244.1.5',
    files: () => new Map([['/etc/nginx/nginx.conf', 'events {}\n']]),
    now: () => now,
    listens: (p) => (p === undefined ? listening.size > 0 : listening.has(p)),
    listen: (p) => listening.add(p),
    logMain: (line) => main.push(line),
    endMain: (code) => (ended = code),
    nextPid: () => ++pid,
    cpus: () => 2,
    redis: () => server,
    // The container's own server at its loopback address; no other host resolves.
    redisAt: (h, port) =>
      h !== '127.0.0.1' && h !== 'localhost' ? `Could not connect to Redis at ${h}:${port}: Name or service not known` : listening.has(port) ? { server: host.redis(), replica: false } : `Could not connect to Redis at ${h}:${port}: Connection refused`,
    lookup: (name) => name === 'redis-leader',
    etcd: () => undefined,
    peerFiles: () => undefined,
    ...over,
  };
  const io: Io = { out: (t) => (out += t), err: (t) => (err += t), stdin: '' };
  const program = imageCommand(argv, io, host);
  if (!program) return undefined;
  let r: IteratorResult<Yield, number>;
  while (!(r = program.next()).done) now += r.value.sleep;
  return { code: r.value, out, err, main, ended, now, server };
}

describe('image commands run at the container prompt', () => {
  it('nginx -v prints its version on standard error and exits 0', () => {
    expect(run(['nginx', '-v'])).toMatchObject({ code: 0, out: '', err: 'nginx version: nginx/1.27.3\n' });
  });

  it('nginx reads options as getopt-less C does: letters run together, a value glued to its letter or in the next word', () => {
    expect(run(['nginx', '-tq'])).toMatchObject({ code: 0, err: '' });
    expect(run(['nginx', '-sreload'])?.err).toMatch(/\[notice\] 33#33: signal process started\n$/);
    expect(run(['nginx', '-c'])).toMatchObject({ code: 1, err: 'nginx: option "-c" requires file name\n' });
    expect(run(['nginx', '-s', 'restart'])).toMatchObject({ code: 1, err: 'nginx: invalid option: "-s restart"\n' });
    expect(run(['nginx', '-tx'])).toMatchObject({ code: 1, err: 'nginx: invalid option: "x"\n' });
    expect(run(['nginx', 'reload'])).toMatchObject({ code: 1, err: 'nginx: invalid option: "reload"\n' });
  });

  it('nginx -V adds how it was built; -v with -t still tests', () => {
    const v = run(['nginx', '-V'])!;
    expect(v.err.split('\n').slice(0, 4)).toEqual(['nginx version: nginx/1.27.3', 'built by gcc 12.2.0 (Debian 12.2.0-14)', 'built with OpenSSL 3.0.15 3 Sep 2024', 'TLS SNI support enabled']);
    expect(run(['nginx', '-vt'])?.err).toBe('nginx version: nginx/1.27.3\nnginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
  });

  it('nginx -s stop makes the master shut its workers down and exit 0: the container process ends', () => {
    const r = run(['nginx', '-s', 'stop'])!;
    expect(r.ended).toBe(0);
    expect(r.main[0]).toBe('{nginxtime} [notice] 1#1: signal 15 (SIGTERM) received from 33, exiting');
    expect(r.main.at(-1)).toBe('{nginxtime} [notice] 1#1: exit');
  });

  it('nginx -s with no master running cannot read its pid file', () => {
    const r = run(['nginx', '-s', 'quit'], { listens: () => false })!;
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/signal process started\n.*\[error\] 33#33: open\(\) "\/var\/run\/nginx\.pid" failed \(2: No such file or directory\)\nnginx: \[error\] open\(\) "\/var\/run\/nginx\.pid" failed/);
    expect(r.ended).toBeUndefined();
  });

  it('nginx -s reload starts new workers and retires the old ones; the container keeps running', () => {
    const r = run(['nginx', '-s', 'reload'])!;
    expect(r.ended).toBeUndefined();
    expect(r.main).toContain('{nginxtime} [notice] 1#1: start worker process 34');
    expect(r.main).toContain('{nginxtime} [notice] 1#1: worker process 30 exited with code 0');
  });

  it('a second nginx tries to bind five times, 500 ms apart, then gives up', () => {
    const r = run(['nginx'])!;
    expect(r.code).toBe(1);
    expect(r.now - T0).toBe(2500);
    expect(r.err.match(/try again to bind\(\) after 500ms/g)).toHaveLength(5);
    expect(r.err.endsWith('nginx: [emerg] still could not bind()\n')).toBe(true);
  });

  it("nginx started where nothing listens goes to the background; with 'daemon off;' it is the image's server", () => {
    const listening = new Set<number>();
    const bg = run(['nginx'], { listens: (p) => listening.has(p ?? 80), listen: (p) => listening.add(p) })!;
    expect(bg.code).toBe(0);
    expect(listening.has(80)).toBe(true);
    expect(run(['nginx', '-g', 'daemon off;'], { listens: () => false })).toBeUndefined();
  });

  it('redis-cli answers raw, as without a terminal, and keeps what it sets in the server', () => {
    const server = newRedisServer();
    const cli = (...a: string[]) => run(['redis-cli', ...a], { redis: () => server })!;
    expect(cli('ping').out).toBe('PONG\n');
    expect(cli('SET', 'a', '1').out).toBe('OK\n');
    expect(cli('incr', 'a').out).toBe('2\n');
    expect(cli('get', 'a').out).toBe('2\n');
    expect(cli('get', 'missing').out).toBe('\n');
    expect(cli('exists', 'a', 'missing').out).toBe('1\n');
    expect(cli('get').out).toBe("ERR wrong number of arguments for 'get' command\n");
    expect(cli('nosuch', 'x').out).toBe("ERR unknown command 'nosuch', with args beginning with: 'x' \n");
    expect(cli('nosuch').code).toBe(0);
  });

  it('redis-cli says why it cannot reach a server', () => {
    expect(run(['redis-cli', '-p', '6380', 'ping'])).toMatchObject({ code: 1, err: 'Could not connect to Redis at 127.0.0.1:6380: Connection refused\n' });
    expect(run(['redis-cli', '-h', 'nowhere', 'ping'])).toMatchObject({ code: 1, err: 'Could not connect to Redis at nowhere:6379: Name or service not known\n' });
  });

  it('version flags print versions; other uses of those programs are left to the image', () => {
    expect(run(['node', '--version'])?.out).toBe('v23.4.0\n');
    expect(run(['/usr/local/bin/python3', '-V'])?.out).toBe('Python 3.13.1\n');
    expect(run(['node', 'server.js'])).toBeUndefined();
  });

  it('redis-server reads its configuration file and command line, then runs as the image; a second one cannot bind', () => {
    const server = newRedisServer();
    const files = () => new Map([['/redis-master/redis.conf', '# limits\nmaxmemory 2mb\nmaxmemory-policy allkeys-lru\n']]);
    expect(run(['redis-server', '/redis-master/redis.conf', '--appendonly', 'yes'], { redis: () => server, files, listens: () => false })).toBeUndefined();
    expect(Object.fromEntries(server.config)).toEqual({ maxmemory: '2097152', 'maxmemory-policy': 'allkeys-lru', appendonly: 'yes' });
    const second = run(['redis-server'])!;
    expect(second.code).toBe(1);
    expect(second.out).toMatch(/^33:M 01 Jan 2026 00:00:00\.000 # Warning: Could not create server TCP listening socket \*:6379: bind: Address already in use\n/);
  });
});
