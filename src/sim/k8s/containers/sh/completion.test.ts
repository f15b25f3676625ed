import { describe, expect, it } from 'vitest';
import { IMAGE_CATALOG } from '../../images/catalog';
import { ContainerProcess } from '../process';

const T0 = Date.parse('2026-01-01T00:00:00Z');

/** An interactive shell in a running container of `image` with `files`. */
function shell(image: string, bash: boolean, files: Record<string, string> = {}) {
  const fs = new Map(Object.entries(files));
  const p = new ContainerProcess({
    profile: IMAGE_CATALOG[image],
    image,
    context: { env: () => new Map(), files: () => fs },
    hostname: 'web-0',
    podIP: '10.244.1.5',
    initContainer: false,
    startedAt: T0,
  });
  p.advance(T0 + 5_000);
  return p.session(bash);
}

const NGINX = 'docker.io/library/nginx';
const FILES = { '/usr/share/nginx/html/index.html': '<h1>hi</h1>\n', '/usr/share/nginx/html/50x.html': 'x\n', '/etc/nginx/nginx.conf': '', '/etc/hosts': '', '/etc/.hidden': '' };

describe('Tab in a container shell', () => {
  it('completes a command where a command starts: the shell\'s tools and the image\'s programs', () => {
    const sh = shell(NGINX, true, FILES);
    expect(sh.complete('ca', 2)).toEqual(['cat']);
    expect(sh.complete('ngi', 3)).toEqual(['nginx', 'nginx-debug']);
    expect(sh.complete('cat /etc/hosts | gr', 19)).toEqual(['grep']);
    expect(sh.complete('echo hi && he', 13)).toEqual(['head']);
    expect(sh.complete('ba', 2)).toEqual(['bash']);
    expect(shell('docker.io/library/busybox', false).complete('ba', 2)).toEqual([]);
  });

  it('completes a path after the command: names in its directory, directories with a slash', () => {
    const sh = shell(NGINX, true, FILES);
    expect(sh.complete('cat /usr/share/nginx/html/i', 27)).toEqual(['/usr/share/nginx/html/index.html']);
    expect(sh.complete('cat /usr/share/nginx/html/', 26)).toEqual(['/usr/share/nginx/html/50x.html', '/usr/share/nginx/html/index.html']);
    expect(sh.complete('cd /us', 6)).toEqual(['/usr/']);
    expect(sh.complete('ls /etc/', 8)).toEqual(['/etc/hosts', '/etc/nginx/']);
    expect(sh.complete('ls /etc/.', 9)).toEqual(['/etc/.hidden']);
  });

  it('completes a relative path from the shell\'s directory', () => {
    const sh = shell(NGINX, true, FILES);
    sh.run('cd /usr/share/nginx', T0 + 5_000).advance(T0 + 5_000);
    expect(sh.cwd).toBe('/usr/share/nginx');
    expect(sh.complete('cat ht', 6)).toEqual(['html/']);
    expect(sh.complete('cat html/5', 10)).toEqual(['html/50x.html']);
    expect(sh.complete('cat ../../../etc/ho', 19)).toEqual(['../../../etc/hosts']);
    expect(sh.complete('cat nothing', 11)).toEqual([]);
  });
});
