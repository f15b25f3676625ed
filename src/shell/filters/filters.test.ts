import { describe, expect, it } from 'vitest';
import { shellHarness } from '../testing/shellHarness';
import { FILTERS } from './index';
import { FILTER_NAMES } from './names';

const PODS = `NAME                   READY   STATUS    RESTARTS   AGE
web-66d6d7d475-7bmvr   1/1     Running   0          20s
db-0                   0/1     Pending   0          5s
web-66d6d7d475-c9p44   1/1     Running   12         20s
Web-upper              1/1     Running   2          1m
`;
const files = { 'pods.txt': PODS, 'words.txt': 'b\na\nb\nb\nc\na\n', 'nums.txt': '10\n9\n100\n-1\nx\n' };
const run = (line: string) => shellHarness(files).run(line);

describe('grep', () => {
  it('prints the matching lines, status 0; none matching is status 1 with no output', () => {
    const t = run('cat pods.txt | grep web');
    expect(t.stdout).toBe('web-66d6d7d475-7bmvr   1/1     Running   0          20s\nweb-66d6d7d475-c9p44   1/1     Running   12         20s\n');
    expect(t.exitCode).toBe(0);
    const none = run('cat pods.txt | grep nginx');
    expect([none.stdout, none.stderr, none.exitCode]).toEqual(['', '', 1]);
  });
  it('-i ignores case, -v inverts, -c counts, -n numbers lines', () => {
    expect(run('cat pods.txt | grep -ic web').stdout).toBe('3\n');
    expect(run('cat pods.txt | grep -v Running').stdout).toBe(PODS.split('\n')[0] + '\n' + PODS.split('\n')[2] + '\n');
    expect(run('cat pods.txt | grep -n db').stdout).toBe('3:db-0                   0/1     Pending   0          5s\n');
  });
  it('-A, -B and -C print context lines (`-` after the number), groups apart separated by --', () => {
    const nums = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\n';
    expect(run(`printf '${nums}' | grep -A1 two`).stdout).toBe('two\nthree\n');
    expect(run(`printf '${nums}' | grep -n -B1 -e two -e six`).stdout).toBe('1-one\n2:two\n--\n5-five\n6:six\n');
    expect(run(`printf '${nums}' | grep -C1 -e two -e four`).stdout).toBe('one\ntwo\nthree\nfour\nfive\n');
    expect(run(`printf '${nums}' | grep -A 9 seven`).stdout).toBe('seven\n');
    const bad = run(`printf '${nums}' | grep -C x two`);
    expect([bad.stderr, bad.exitCode]).toEqual(['grep: x: invalid context length argument\n', 2]);
  });
  it('basic regular expressions take | literally and \\| as alternation; -E the reverse', () => {
    expect(run(`cat pods.txt | grep -c 'db|Pending'`).stdout).toBe('0\n');
    expect(run(`cat pods.txt | grep -c 'db\\|Pending'`).stdout).toBe('1\n');
    expect(run(`cat pods.txt | grep -cE 'db|c9p44'`).stdout).toBe('2\n');
    expect(run(`cat pods.txt | grep -c '^web-[[:alnum:]]*-7'`).stdout).toBe('1\n');
  });
  it('-w matches whole words only', () => {
    expect(run('cat pods.txt | grep -cw 2').stdout).toBe('1\n');
    expect(run('cat pods.txt | grep -cw 0').stdout).toBe('2\n');
  });
  it('reads a file of the editor and names missing ones as GNU grep does', () => {
    expect(run('grep -c Running pods.txt').stdout).toBe('3\n');
    const t = run('grep web nothere.txt');
    expect([t.stderr, t.exitCode]).toEqual(['grep: nothere.txt: No such file or directory\n', 2]);
  });
  it('refuses a bad option or a missing pattern with grep usage, status 2', () => {
    const t = run('cat pods.txt | grep -z web');
    expect(t.stderr).toBe("grep: invalid option -- 'z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    expect(t.exitCode).toBe(2);
    expect(run('cat pods.txt | grep').stderr).toBe("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
    expect(run(`cat pods.txt | grep 'a\\('`).stderr).toBe('grep: Unmatched ( or \\(\n');
  });
});

describe('head and tail', () => {
  it('head prints 10 lines by default, -n N or -N lines, -n -N all but the last N', () => {
    expect(run('cat pods.txt | head -2').stdout).toBe(PODS.split('\n').slice(0, 2).join('\n') + '\n');
    expect(run('cat pods.txt | head -n 1').stdout).toBe(PODS.split('\n')[0] + '\n');
    expect(run('cat pods.txt | head -n -4').stdout).toBe(PODS.split('\n')[0] + '\n');
    expect(run('cat pods.txt | head').stdout).toBe(PODS);
  });
  it('tail prints the last N lines, -n +N from line N on', () => {
    expect(run('cat pods.txt | tail -1').stdout).toBe('Web-upper              1/1     Running   2          1m\n');
    expect(run('cat words.txt | tail -n +5').stdout).toBe('c\na\n');
    expect(run('cat words.txt | tail -n 2').stdout).toBe('c\na\n');
  });
  it('reject a count that is not a number, as GNU does', () => {
    const t = run('cat pods.txt | head -n x');
    expect([t.stderr, t.exitCode]).toEqual(["head: invalid number of lines: 'x'\n", 1]);
    expect(run('cat pods.txt | tail -n x').stderr).toBe("tail: invalid number of lines: 'x'\n");
    expect(run('cat pods.txt | head -q -z').stderr).toBe("head: invalid option -- 'z'\nTry 'head --help' for more information.\n");
  });
  it('head -c N prints the first N bytes (-c -N all but the last N), tail -c N the last N (-c +N from byte N on), with GNU size suffixes', () => {
    expect(run('echo hello world | head -c 5').stdout).toBe('hello');
    expect(run('echo hello world | head -c -3').stdout).toBe('hello wor');
    expect(run('echo hello world | head --bytes=1K').stdout).toBe('hello world\n');
    expect(run('echo hello world | tail -c 6').stdout).toBe('world\n');
    expect(run('echo hello world | tail -c +7').stdout).toBe('world\n');
    // Bytes, not characters: half of é is a broken sequence.
    expect(run('echo héllo | head -c 2').stdout).toBe('h\ufffd');
    const t = run('echo hi | head -c x');
    expect([t.stderr, t.exitCode]).toEqual(["head: invalid number of bytes: 'x'\n", 1]);
  });

  it('put ==> name <== headers before each of several files', () => {
    expect(run('head -n 1 words.txt nums.txt').stdout).toBe('==> words.txt <==\nb\n\n==> nums.txt <==\n10\n');
  });
});

describe('wc', () => {
  it('prints one count of standard input bare, several padded to 7', () => {
    expect(run('cat words.txt | wc -l').stdout).toBe('6\n');
    expect(run('echo hello world | wc').stdout).toBe('      1       2      12\n');
  });
  it('names files, pads to the digits of their total size, and adds a total', () => {
    expect(run('wc -l words.txt').stdout).toBe('6 words.txt\n');
    expect(run('wc -l words.txt nums.txt').stdout).toBe(' 6 words.txt\n 5 nums.txt\n11 total\n');
  });
});

describe('sort and uniq', () => {
  it('sort orders bytes in the C locale (upper case first); -r reverses', () => {
    expect(run('cat words.txt | sort').stdout).toBe('a\na\nb\nb\nb\nc\n');
    expect(run('cat pods.txt | sort | head -2').stdout).toBe(`${PODS.split('\n')[0]}\n${PODS.split('\n')[4]}\n`);
    expect(run('cat words.txt | sort -r -u').stdout).toBe('c\nb\na\n');
  });
  it('sort -n compares leading numbers (not numbers count as 0)', () => {
    expect(run('cat nums.txt | sort -n').stdout).toBe('-1\nx\n9\n10\n100\n');
  });
  it('sort -k sorts by a column, ties by the whole line; -k N,N by that column only', () => {
    expect(run('cat pods.txt | tail -n +2 | sort -k4 -n | cut -c1-4').stdout).toBe('db-0\nweb-\nWeb-\nweb-\n');
    expect(run('cat pods.txt | tail -n +2 | sort -k 3,3 -r | head -1 | cut -c1-4').stdout).toBe('web-\n');
  });
  it('uniq -c counts adjacent equal lines as %7d', () => {
    expect(run('cat words.txt | sort | uniq -c').stdout).toBe('      2 a\n      3 b\n      1 c\n');
    expect(run('cat words.txt | uniq').stdout).toBe('b\na\nb\nc\na\n');
  });
});

describe('cut, awk, base64, cat', () => {
  it('cut -d -f picks fields; a line without the delimiter is printed whole', () => {
    expect(run(`echo a:b:c | cut -d: -f2`).stdout).toBe('b\n');
    expect(run(`echo a:b:c | cut -d : -f 2-`).stdout).toBe('b:c\n');
    expect(run(`echo abc | cut -d: -f2`).stdout).toBe('abc\n');
    expect(run(`echo abc | cut -c2`).stdout).toBe('b\n');
  });
  it('cut without a list, or with a long delimiter, says what GNU cut says', () => {
    expect(run('echo a | cut -d:').stderr).toBe("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    expect(run('echo a | cut -d ab -f1').stderr).toBe("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
  });
  it("awk '{print $N}' splits on blanks; NR>1 skips the header", () => {
    expect(run(`cat pods.txt | awk 'NR>1 {print $1, $4}' | head -2`).stdout).toBe('web-66d6d7d475-7bmvr 0\ndb-0 0\n');
    expect(run(`cat pods.txt | awk '/Pending/ {print $NF}'`).stdout).toBe('5s\n');
    expect(run(`echo a,b | awk -F, '{print $2}'`).stdout).toBe('b\n');
  });
  it('awk refuses programs it does not run instead of guessing', () => {
    const t = run(`cat pods.txt | awk '{s += $4} END {print s}'`);
    expect(t.stderr).toContain('awk: not simulated');
    expect(t.exitCode).toBe(2);
  });
  it('base64 encodes and -d decodes; bad input is an error', () => {
    expect(run('echo -n admin | base64').stdout).toBe('YWRtaW4=\n');
    expect(run('echo YWRtaW4= | base64 -d').stdout).toBe('admin');
    const t = run('echo %%% | base64 -d');
    expect([t.stderr, t.exitCode]).toEqual(['base64: invalid input\n', 1]);
  });
  it('cat prints an editor file; a missing one is an error', () => {
    expect(run('cat words.txt | head -1').stdout).toBe('b\n');
    expect(run('cat nope.yaml').stderr).toBe('cat: nope.yaml: No such file or directory\n');
  });
  it('a folder named as a file is a directory to cat, grep, head, tail and wc, in their words', () => {
    const h = shellHarness({ 'a.txt': 'hi\n' });
    h.run('mkdir dd');
    expect(h.run('cat dd').stderr).toBe('cat: dd: Is a directory\n');
    expect(h.run('grep x dd')).toMatchObject({ stderr: 'grep: dd: Is a directory\n', exitCode: 2 });
    expect(h.run('head dd').stderr).toBe("head: error reading 'dd': Is a directory\n");
    expect(h.run('tail dd').stderr).toBe("tail: error reading 'dd': Is a directory\n");
    // GNU wc still prints the folder's row, padded to 7 as for a pipe.
    expect(h.run('wc a.txt dd')).toMatchObject({ stdout: '      1       1       3 a.txt\n      0       0       0 dd\n      1       1       3 total\n', stderr: 'wc: dd: Is a directory\n', exitCode: 1 });
  });
  it('a filter with nothing piped in says the terminal cannot be read, not a silent wait', () => {
    const t = run('sort');
    expect(t.stderr).toContain('sort: reading standard input from the terminal is not simulated');
    expect(t.exitCode).toBe(1);
  });
});

describe('FILTER_NAMES', () => {
  it('names every filter, in FILTERS order (the page reads the names without loading the shell)', () => {
    expect(FILTER_NAMES).toEqual(FILTERS.map((f) => f.name));
  });
});
