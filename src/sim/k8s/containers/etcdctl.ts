import { goDuration, parseDuration } from '../../../lib/duration';
import type { Io, Yield } from './sh/interpret';

/** What the control plane's etcd holds, as the etcd static Pod's etcdctl reads it. */
export interface EtcdView {
  /** Every key, in etcd's (byte) order, with the JSON of the custom resources (built-in objects are protocol buffers). */
  entries(): readonly { key: string; json?: string }[];
  /** The member's advertised peer and client URLs (`https://172.18.0.2:2380`, `…:2379`). */
  readonly peerURL: string;
  readonly clientURL: string;
  readonly name: string;
}

/** What etcdctl needs of the container it runs in. */
export interface EtcdctlHost {
  now(): number;
  /** The cluster's etcd when this container is the control plane's etcd, else undefined (an etcd of one's own is empty). */
  etcd(): EtcdView | undefined;
  /** Whether the container's server listens on `port`. */
  listens(port?: number): boolean;
}

/** An etcd started with its defaults (a learner's own): empty, plain HTTP on localhost, the well-known id of a default member. */
const DEFAULT_ETCD: EtcdView = { entries: () => [], peerURL: 'http://localhost:2380', clientURL: 'http://localhost:2379', name: 'default' };

export const ETCD_VERSION = '3.5.16';

/** The id of the member: a default member's well-known one, else 16 hex digits stable for its name and peer URL. */
function memberId(view: EtcdView): string {
  if (view === DEFAULT_ETCD) return '8e9e05c52164694d';
  let h = 0x811c9dc5;
  let g = 0x01000193;
  for (const c of `${view.name}${view.peerURL}`) {
    h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
    g = Math.imul(g ^ c.charCodeAt(0), 0x811c9dc5) >>> 0;
  }
  return h.toString(16).padStart(8, '0') + g.toString(16).padStart(8, '0');
}

interface Options {
  endpoints: string[];
  cacert?: string;
  cert?: string;
  key?: string;
  writeOut: string;
  commandTimeoutMs: number;
  prefix: boolean;
  keysOnly: boolean;
  valueOnly: boolean;
  limit: number;
  args: string[];
}

const VALUE_FLAGS = new Set(['endpoints', 'cacert', 'cert', 'key', 'write-out', 'w', 'command-timeout', 'dial-timeout', 'limit', 'user', 'password']);
const BOOL_FLAGS = new Set(['prefix', 'keys-only', 'print-value-only', 'insecure-skip-tls-verify', 'insecure-transport', 'debug', 'hex']);

/** etcdctl's command line (pflag: `--flag=value`, `--flag value`, `-w value`), or the message it refuses it with. */
function parse(argv: string[]): Options | string {
  const o: Options = { endpoints: ['127.0.0.1:2379'], writeOut: 'simple', commandTimeoutMs: 5000, prefix: false, keysOnly: false, valueOnly: false, limit: 0, args: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('-') || a === '-') {
      o.args.push(a);
      continue;
    }
    const m = /^--?([^=]+)(?:=(.*))?$/.exec(a)!;
    const name = m[1];
    if (BOOL_FLAGS.has(name)) {
      const on = m[2] === undefined || m[2] === 'true';
      if (name === 'prefix') o.prefix = on;
      if (name === 'keys-only') o.keysOnly = on;
      if (name === 'print-value-only') o.valueOnly = on;
      continue;
    }
    if (!VALUE_FLAGS.has(name)) return `unknown flag: ${a.startsWith('--') ? `--${name}` : `-${name}`}`;
    const value = m[2] ?? argv[++i];
    if (value === undefined) return `flag needs an argument: ${a}`;
    if (name === 'endpoints') o.endpoints = value.split(',');
    else if (name === 'cacert') o.cacert = value;
    else if (name === 'cert') o.cert = value;
    else if (name === 'key') o.key = value;
    else if (name === 'write-out' || name === 'w') o.writeOut = value;
    else if (name === 'limit') o.limit = Number(value);
    else if (name === 'command-timeout') o.commandTimeoutMs = parseDuration(value) ?? 5000;
  }
  return o;
}

/**
 * etcdctl 3.5 in the etcd Pod: `version`, `get` (`--prefix`, `--keys-only`,
 * `--print-value-only`, `--limit`), `member list` and `endpoint health`,
 * printed as its default `simple` writer does. The kubeadm etcd serves
 * clients over TLS with client certificates: without `--cacert`, `--cert`
 * and `--key` the client gets no answer and gives up after its command
 * timeout (5 s). An etcd Pod of one's own is empty and speaks plain HTTP. Writes (`put`, `del`) are not simulated: the API server
 * owns what is in etcd.
 */
export function* etcdctl(argv: string[], io: Io, h: EtcdctlHost): Generator<Yield, number> {
  const o = parse(argv);
  if (typeof o === 'string') {
    io.err(`Error: ${o}\n`);
    return 1;
  }
  const [command, ...rest] = o.args;
  if (command === 'version') {
    io.out(`etcdctl version: ${ETCD_VERSION}\nAPI version: 3.5\n`);
    return 0;
  }
  const known = command === 'get' || (command === 'member' && rest[0] === 'list') || (command === 'endpoint' && rest[0] === 'health');
  if (!known) {
    io.err(`etcdctl: "${o.args.join(' ')}" is not simulated here (version, get, member list and endpoint health are); the API server owns what is in etcd\n`);
    return 1;
  }
  if (o.writeOut !== 'simple') {
    io.err(`etcdctl: --write-out=${o.writeOut} is not simulated here (the default simple output is)\n`);
    return 1;
  }
  // The control plane's etcd wants TLS with a client certificate; an etcd of one's own speaks plain HTTP.
  // A client that cannot talk to the server it reaches (or reaches none) retries until its command timeout.
  const tls = o.cacert !== undefined && o.cert !== undefined && o.key !== undefined;
  const cluster = h.etcd();
  const view = cluster !== undefined ? (tls ? cluster : undefined) : h.listens(2379) && !tls ? DEFAULT_ETCD : undefined;
  if (view === undefined) {
    yield { sleep: o.commandTimeoutMs };
    const ts = new Date(h.now()).toISOString();
    io.err(`{"level":"warn","ts":"${ts}","logger":"etcd-client","caller":"v3@v${ETCD_VERSION}/retry_interceptor.go:63","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xc0003a2000/${o.endpoints[0].replace(/^\w+:\/\//, '')}","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded"}\n`);
    io.err('Error: context deadline exceeded\n');
    return 1;
  }
  if (command === 'member') {
    io.out(`${memberId(view)}, started, ${view.name}, ${view.peerURL}, ${view.clientURL}, false\n`);
    return 0;
  }
  if (command === 'endpoint') {
    for (const ep of o.endpoints) {
      // A commit through one member's disk: 5 to 14 ms, printed as Go prints a Duration.
      const ns = 5_000_000 + ((Math.imul(Math.floor(h.now()), 2654435761) >>> 0) % 9_000_000);
      io.out(`${ep} is healthy: successfully committed proposal: took = ${goDuration(ns / 1e6)}\n`);
    }
    return 0;
  }
  return get(rest, o, view, io);
}

/** `etcdctl get KEY [RANGE_END]`: the keys (and values) in the range, as the simple writer prints them. */
function get(args: string[], o: Options, view: EtcdView, io: Io): number {
  if (args.length === 0 || args.length > 2) {
    io.err('Error: get command needs one argument as key and an optional argument as range_end\n');
    return 1;
  }
  const [key, end] = args;
  let found = view.entries().filter((e) => (o.prefix ? e.key.startsWith(key) : end !== undefined ? e.key >= key && e.key < end : e.key === key));
  if (o.limit > 0) found = found.slice(0, o.limit);
  if (!o.keysOnly && found.some((e) => e.json === undefined)) {
    io.err('etcdctl: the values of built-in objects are protocol buffers (binary), which the simulation does not reproduce; add --keys-only, or read the object through the API server (kubectl get … -o yaml)\n');
    return 1;
  }
  for (const e of found) {
    if (!o.valueOnly) io.out(`${e.key}\n`);
    io.out(`${o.keysOnly ? '' : e.json}\n`);
  }
  return 0;
}
