import { describe, expect, it } from 'vitest';
import { runScriptIn as run } from './shell.testkit';

const BUSYBOX = 'docker.io/library/busybox';
const BASH = 'docker.io/library/bash';
const HOSTS = { '/etc/hosts': '127.0.0.1\tlocalhost\n10.244.1.5\tpod-0\n', '/etc/resolv.conf': 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n' };

describe('grep in a container', () => {
  it('reads the files it is given, with basic regular expressions, and prefixes names when there are several', () => {
    expect(run(BUSYBOX, 'sh', 'grep local /etc/hosts', HOSTS)).toEqual({ out: ['127.0.0.1\tlocalhost'], code: 0 });
    expect(run(BUSYBOX, 'sh', 'grep -n "^10\\.[0-9]*" /etc/hosts /etc/resolv.conf', HOSTS)).toEqual({ out: ['/etc/hosts:2:10.244.1.5\tpod-0'], code: 0 });
    expect(run(BUSYBOX, 'sh', 'grep -c cluster /etc/resolv.conf /etc/hosts', HOSTS)).toEqual({ out: ['/etc/resolv.conf:1', '/etc/hosts:0'], code: 0 });
  });

  it('takes -i, -v, -w, -x, -o, -E, -F, -e, -l, -q and -r', () => {
    expect(run(BUSYBOX, 'sh', 'grep -iv NAMESERVER /etc/resolv.conf', HOSTS).out).toEqual(['search default.svc.cluster.local svc.cluster.local cluster.local', 'options ndots:5']);
    expect(run(BUSYBOX, 'sh', 'grep -o "svc\\.[a-z.]*" /etc/resolv.conf', HOSTS).out).toEqual(['svc.cluster.local', 'svc.cluster.local']);
    expect(run(BUSYBOX, 'sh', 'grep -E "^(nameserver|options) " /etc/resolv.conf', HOSTS).out).toEqual(['nameserver 10.96.0.10', 'options ndots:5']);
    expect(run(BUSYBOX, 'sh', 'grep -F "10.96." /etc/resolv.conf; grep -wx "options ndots:5" /etc/resolv.conf', HOSTS).out).toEqual(['nameserver 10.96.0.10', 'options ndots:5']);
    expect(run(BUSYBOX, 'sh', 'grep -e pod -e ndots /etc/hosts /etc/resolv.conf', HOSTS).out).toEqual(['/etc/hosts:10.244.1.5\tpod-0', '/etc/resolv.conf:options ndots:5']);
    expect(run(BUSYBOX, 'sh', 'grep -rl local /etc', HOSTS).out).toEqual(['/etc/hosts', '/etc/resolv.conf']);
    expect(run(BUSYBOX, 'sh', 'grep -q pod-0 /etc/hosts && echo yes; grep -q nothing /etc/hosts || echo "no $?"', HOSTS).out).toEqual(['yes', 'no 1']);
  });

  it('reads standard input without files', () => {
    expect(run(BUSYBOX, 'sh', 'printf "web-1\\ndb-1\\nweb-2\\n" | grep web')).toEqual({ out: ['web-1', 'web-2'], code: 0 });
  });

  it('answers a missing file, a bad pattern and a bad option with status 2 in busybox\'s or GNU\'s words', () => {
    expect(run(BUSYBOX, 'sh', 'grep x /nope; echo $?; grep -s x /nope; echo $?')).toEqual({ out: ['grep: /nope: No such file or directory', '2', '2'], code: 0 });
    expect(run(BUSYBOX, 'sh', 'grep "a[" /etc/hosts; echo $?', HOSTS).out).toEqual(['grep: Unmatched [, [^, [:, [., or [=', '2']);
    expect(run(BUSYBOX, 'sh', 'grep -Z x; echo $?').out).toEqual(['grep: unrecognized option: Z', '2']);
    expect(run(BASH, 'bash', 'grep -Z x; echo $?').out).toEqual(["grep: invalid option -- 'Z'", 'Usage: grep [OPTION]... PATTERNS [FILE]...', "Try 'grep --help' for more information.", '2']);
    expect(run(BUSYBOX, 'sh', 'grep /etc; echo $?', HOSTS).out.at(-1)).toBe('1');
  });
});

describe('sort, uniq, cut and tr in a container', () => {
  const DATA = { '/data.txt': 'b 2\na 10\nc 1\na 10\n' };

  it('sort orders lines by byte, numerically with -n, by field with -k, reversed with -r and unique with -u', () => {
    expect(run(BUSYBOX, 'sh', 'sort /data.txt', DATA).out).toEqual(['a 10', 'a 10', 'b 2', 'c 1']);
    expect(run(BUSYBOX, 'sh', 'sort -n -k2 /data.txt', DATA).out).toEqual(['c 1', 'b 2', 'a 10', 'a 10']);
    expect(run(BUSYBOX, 'sh', 'sort -ru /data.txt', DATA).out).toEqual(['c 1', 'b 2', 'a 10']);
    expect(run(BUSYBOX, 'sh', 'printf "B\\na\\nC\\n" | sort; printf "B\\na\\nC\\n" | sort -f', DATA).out).toEqual(['B', 'C', 'a', 'a', 'B', 'C']);
  });

  it('uniq counts adjacent repeats with -c, and keeps only repeated (-d) or single (-u) lines', () => {
    expect(run(BUSYBOX, 'sh', 'sort /data.txt | uniq -c', DATA).out).toEqual(['      2 a 10', '      1 b 2', '      1 c 1']);
    expect(run(BUSYBOX, 'sh', 'sort /data.txt | uniq -d; sort /data.txt | uniq -u', DATA).out).toEqual(['a 10', 'b 2', 'c 1']);
  });

  it('cut picks fields by a separator, or characters', () => {
    expect(run(BUSYBOX, 'sh', 'cut -d" " -f2 /data.txt', DATA).out).toEqual(['2', '10', '1', '10']);
    expect(run(BUSYBOX, 'sh', 'echo 10.244.1.5 | cut -d. -f1,3-; echo kubernetes | cut -c1-4')).toEqual({ out: ['10.1.5', 'kube'], code: 0 });
    expect(run(BUSYBOX, 'sh', 'echo x | cut; echo $?').out).toEqual(['cut: expected a list of bytes, characters, or fields', '1']);
  });

  it('tr maps ranges and classes, and deletes with -d', () => {
    expect(run(BUSYBOX, 'sh', 'echo pod-0 | tr a-z A-Z; echo pod-0 | tr "[:lower:]" "[:upper:]"; echo a-b-c | tr -d -; echo a:b | tr : "\\n"').out).toEqual(['POD-0', 'POD-0', 'abc', 'a', 'b']);
  });

  it('a missing file is busybox\'s "can\'t open" (status 1) or coreutils\' message (sort: status 2)', () => {
    expect(run(BUSYBOX, 'sh', 'sort /nope; echo $?').out).toEqual(["sort: can't open '/nope': No such file or directory", '1']);
    expect(run(BASH, 'bash', 'sort /nope; echo $?').out).toEqual(['sort: cannot read: /nope: No such file or directory', '2']);
  });
});
