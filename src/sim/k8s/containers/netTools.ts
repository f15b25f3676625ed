import type { RedisTarget } from './redis';
import type { Io, Yield } from './sh/interpret';

/** What a container's network tools can do: an HTTP GET and a DNS lookup, as seen from its pod. */
export interface ContainerNetwork {
  /** Client identity for access logs; `hostHeader` when a `Host:` header overrides the URL's host. */
  http(url: string, userAgent: string, hostHeader?: string, extra?: { authorization?: string; tls?: 'verify' | 'insecure' | 'cacert' }): NetResult;
  lookup(name: string): LookupResult;
  nameserver: string;
  /** The redis server `host:port` reaches (its keys), or redis-cli's words for why it cannot connect. */
  redis?(host: string, port: number): RedisTarget | string;
}

export type NetResult =
  | { ok: true; status: number; body: string; ip: string; port: number }
  | { ok: false; kind: 'resolve' | 'refused' | 'timeout' | 'unsupported' | 'empty'; message: string; host: string; port: number; ip?: string };

export type LookupResult = { ok: true; name: string; addresses: string[] } | { ok: false; name: string };

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

const CURL_CODES = { resolve: 6, refused: 7, timeout: 28, unsupported: 60, empty: 52 } as const;

/** The value of header `name` among `-H`/`--header` values, if one is given. */
function headerOf(headers: readonly string[], name: string): string | undefined {
  for (const h of headers) {
    const i = h.indexOf(':');
    if (i > 0 && h.slice(0, i).trim().toLowerCase() === name) return h.slice(i + 1).trim();
  }
  return undefined;
}

/** The value of a `Host:` header among `-H`/`--header` values, if one is given. */
function hostHeaderOf(headers: readonly string[]): string | undefined {
  for (const h of headers) {
    const m = /^\s*host\s*:\s*(.*?)\s*$/i.exec(h);
    if (m) return m[1];
  }
  return undefined;
}

/**
 * curl 8 (`-s`, `-S`, `-f`, `-o FILE`, `-w '%{http_code}'`, `-I`, `-H 'Host: …'`, `-m`, `--connect-timeout`).
 * `tty`: its output goes to a terminal, where curl shows no progress meter.
 */
// oxlint-disable-next-line require-yield
export function* curl(net: ContainerNetwork, args: string[], io: Io, files: Map<string, string>, tty = false): Generator<Yield, number> {
  let silent = false;
  let showError = false;
  let fail = false;
  let head = false;
  let output: string | undefined;
  let writeOut: string | undefined;
  let url: string | undefined;
  const headers: string[] = [];
  let tls: 'verify' | 'insecure' | 'cacert' | 'missing-ca' = 'verify';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') output = args[++i];
    else if (a === '-w' || a === '--write-out') writeOut = args[++i];
    else if (a === '-H' || a === '--header') headers.push(args[++i] ?? '');
    else if (a === '--cacert') {
      // The file must be there for curl to use it (the pod's service account CA is).
      tls = files.has(args[++i] ?? '') ? 'cacert' : 'missing-ca';
    } else if (a === '-k' || a === '--insecure') tls = 'insecure';
    else if (a === '-m' || a === '--max-time' || a === '--connect-timeout' || a === '-A' || a === '--user-agent') i++;
    else if (a.startsWith('--')) {
      if (a === '--silent') silent = true;
      else if (a === '--show-error') showError = true;
      else if (a === '--fail') fail = true;
      else if (a === '--head') head = true;
    } else if (a.startsWith('-') && a.length > 1) {
      for (const f of a.slice(1)) {
        if (f === 's') silent = true;
        else if (f === 'S') showError = true;
        else if (f === 'f') fail = true;
        else if (f === 'I') head = true;
        else if (f === 'k') tls = 'insecure';
      }
    } else url = a;
  }
  if (!url) {
    io.err('curl: try \'curl --help\' or \'curl --manual\' for more information\n');
    return 2;
  }
  if (tls === 'missing-ca') {
    if (!silent || showError) io.err('curl: (77) error setting certificate file\n');
    return 77;
  }
  const r = net.http(url, 'curl/8.5.0', hostHeaderOf(headers), { authorization: headerOf(headers, 'authorization'), tls });
  const complain = (code: number, message: string) => {
    if (!silent || showError) io.err(`curl: (${code}) ${message}\n`);
    return code;
  };
  if (!r.ok) return complain(CURL_CODES[r.kind], r.message);
  if (fail && r.status >= 400) return complain(22, `The requested URL returned error: ${r.status}`);
  const responseHead = `HTTP/1.1 ${r.status} ${REASONS[r.status] ?? ''}\r\nContent-Length: ${r.body.length}\r\n\r\n`;
  const payload = head ? responseHead : r.body;
  if (!silent && output !== '/dev/null' && !(tty && output === undefined)) {
    const n = payload.length;
    io.err(`  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100 ${String(n).padStart(5)}  100 ${String(n).padStart(5)}    0     0   ${String(n).padStart(4)}k      0 --:--:-- --:--:-- --:--:--  ${String(n).padStart(4)}k\n`);
  }
  if (output === undefined || output === '-') io.out(payload);
  else if (output !== '/dev/null') files.set(output.startsWith('/') ? output : `/${output}`, payload);
  if (writeOut) io.out(writeOut.replace(/%\{http_code\}/g, String(r.status)).replace(/\\n/g, '\n'));
  return 0;
}

/** busybox wget (`-q`, `-O FILE` / `-O-`, `-T`, `--spider`, `--header 'Host: …'`). */
// oxlint-disable-next-line require-yield
export function* wget(net: ContainerNetwork, args: string[], io: Io, files: Map<string, string>): Generator<Yield, number> {
  let quiet = false;
  let out: string | undefined;
  let spider = false;
  let url: string | undefined;
  const headers: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--header') headers.push(args[++i] ?? '');
    else if (a.startsWith('--header=')) headers.push(a.slice(9));
    else if (a === '-O') out = args[++i];
    else if (a.startsWith('-O')) out = a.slice(2);
    else if (a === '-T' || a === '--timeout') i++;
    else if (a === '--spider') spider = true;
    else if (a.startsWith('-')) {
      if (a.includes('q')) quiet = true;
      if (a.endsWith('O')) out = args[++i];
      else if (a.includes('O')) out = a.slice(a.indexOf('O') + 1);
    } else url = a;
  }
  if (!url) {
    io.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
    return 1;
  }
  const r = net.http(url, 'Wget', hostHeaderOf(headers));
  const host = /^(?:https?:\/\/)?([^/:]+)/.exec(url)?.[1] ?? url;
  if (!r.ok) {
    if (r.kind === 'resolve') io.err(`wget: bad address '${host}'\n`);
    else if (r.kind === 'timeout') io.err(`wget: download timed out\n`);
    else if (r.kind === 'empty') io.err(`wget: error getting response: Connection reset by peer\n`);
    else io.err(`wget: can't connect to remote host${r.ip ? ` (${r.ip})` : ''}: Connection refused\n`);
    return 1;
  }
  if (!quiet) io.err(`Connecting to ${host} (${r.ip}:${r.port})\n`);
  if (r.status >= 400) {
    io.err(`wget: server returned error: HTTP/1.1 ${r.status} ${REASONS[r.status] ?? ''}\n`);
    return 1;
  }
  if (spider) return 0;
  const file = out ?? (url.replace(/\?.*$/, '').split('/').pop() || 'index.html');
  const name = /^(?:https?:\/\/)?[^/]+\/?$/.test(url) && out === undefined ? 'index.html' : file;
  if (name === '-') {
    if (!quiet) io.err('writing to stdout\n');
    io.out(r.body);
    if (!quiet) io.err(`-                    100% |********************************|   ${r.body.length}  0:00:00 ETA\nwritten to stdout\n`);
    return 0;
  }
  if (!quiet) io.err(`saving to '${name}'\n${name.padEnd(20)} 100% |********************************|   ${r.body.length}  0:00:00 ETA\n'${name}' saved\n`);
  files.set(name.startsWith('/') ? name : `/${name}`, r.body);
  return 0;
}

/** busybox nslookup NAME. */
// oxlint-disable-next-line require-yield
export function* nslookup(net: ContainerNetwork, args: string[], io: Io): Generator<Yield, number> {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) {
    io.err('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
    return 1;
  }
  io.out(`Server:\t\t${net.nameserver}\nAddress:\t${net.nameserver}:53\n\n`);
  const r = net.lookup(name);
  if (!r.ok) {
    io.out(`** server can't find ${r.name}: NXDOMAIN\n\n`);
    return 1;
  }
  for (const a of r.addresses) io.out(`Name:\t${r.name}\nAddress: ${a}\n`);
  io.out('\n');
  return 0;
}

/**
 * curl run at once for a caller outside the containers (the learner's own
 * machine at the terminal's prompt): it never pauses. Files it writes
 * (`-o FILE`) land in `files`.
 */
export function runCurl(net: ContainerNetwork, args: string[], out: (text: string) => void, err: (text: string) => void, files: Map<string, string>, tty: boolean): number {
  const run = curl(net, args, { out, err, stdin: '' }, files, tty);
  for (let step = run.next(); ; step = run.next()) if (step.done) return step.value;
}
