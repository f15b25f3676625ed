import { describe, expect, it } from 'vitest';
import { shellIn as shell, T0 } from './shell.testkit';

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
