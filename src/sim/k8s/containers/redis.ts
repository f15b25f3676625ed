/**
 * The redis server of a container (7.4) as its clients see it: its keys
 * and its configuration, the replies of the commands learners type into
 * `redis-cli`, and redis-cli's two ways of printing a reply — raw when its
 * output is not a terminal (`kubectl exec POD -- redis-cli GET k`), and the
 * terminal's (`kubectl exec -it POD -- redis-cli`).
 */

export type RedisReply =
  | { t: 'status'; s: string }
  | { t: 'error'; s: string }
  | { t: 'int'; n: number }
  | { t: 'bulk'; s: string }
  | { t: 'nil' }
  | { t: 'array'; items: RedisReply[] };

/** What one redis server holds. */
export interface RedisServer {
  keys: Map<string, string>;
  /** Settings changed from their defaults, by the configuration file, the command line or CONFIG SET. */
  config: Map<string, string>;
  /** What it loaded from its RDB file at start, if it found one. */
  loaded?: { keys: number; savedAt: number };
}

/** A redis server a client connected to: its data; a replica refuses writes and `refresh` copies its leader's keys again (before each command). */
export interface RedisTarget {
  readonly server: RedisServer;
  readonly replica: boolean;
  refresh?(): void;
}

export function newRedisServer(): RedisServer {
  return { keys: new Map(), config: new Map() };
}

/** The RDB file's header (the simulation keeps the data after it as JSON, not in the real binary format). */
const RDB_HEADER = 'REDIS0011';

/** Where a server with these settings keeps its RDB file. */
function rdbPath(server: RedisServer): string {
  return `${server.config.get('dir') ?? DEFAULTS.dir}/${server.config.get('dbfilename') ?? 'dump.rdb'}`;
}

/** A server starting with the RDB file it saved in its directory before, if there is one (`/data/dump.rdb` on a volume outlives the pod). */
export function loadRedis(files: ReadonlyMap<string, string>): RedisServer {
  const server = newRedisServer();
  const text = files.get(rdbPath(server));
  if (text?.startsWith(RDB_HEADER)) {
    try {
      const rdb = JSON.parse(text.slice(RDB_HEADER.length)) as { savedAt: number; keys: Record<string, string> };
      for (const [k, v] of Object.entries(rdb.keys)) server.keys.set(k, v);
      server.loaded = { keys: server.keys.size, savedAt: rdb.savedAt };
    } catch {
      // A file that is not one of ours: the server starts empty.
    }
  }
  return server;
}

/**
 * What the server logs as it loads its RDB file at start, before it is
 * ready for connections (nothing without one). `{redistime}` is stamped
 * with the log line's time.
 */
export function redisLoadLines(server: RedisServer, now: number): string[] {
  const l = server.loaded;
  if (l === undefined) return [];
  const age = Math.max(0, Math.round((now - l.savedAt) / 1000));
  return [
    '1:M {redistime} * Loading RDB produced by version 7.4.1',
    `1:M {redistime} * RDB age ${age} seconds`,
    '1:M {redistime} * RDB memory usage when created 0.90 Mb',
    `1:M {redistime} * Done loading RDB, keys loaded: ${l.keys}, keys expired: 0.`,
    '1:M {redistime} * DB loaded from disk: 0.000 seconds',
  ];
}

/**
 * SIGTERM to the server: it shuts down, saving its keys to the RDB file
 * first when save points are set (the default). Returns the lines it logs.
 */
export function redisShutdown(files: Map<string, string>, server: RedisServer, at: number): string[] {
  const lines = [`1:signal-handler (${Math.floor(at / 1000)}) Received SIGTERM scheduling shutdown...`, '1:M {redistime} * User requested shutdown...'];
  if ((server.config.get('save') ?? DEFAULTS.save) !== '') {
    files.set(rdbPath(server), RDB_HEADER + JSON.stringify({ savedAt: at, keys: Object.fromEntries(server.keys) }));
    lines.push('1:M {redistime} * Saving the final RDB snapshot before exiting.', '1:M {redistime} * DB saved on disk');
  }
  lines.push('1:M {redistime} # Redis is now ready to exit, bye bye...');
  return lines;
}

/** redis-cli's command line: the server it talks to and the command, or `--version`. */
export function redisCliArgs(args: readonly string[]): { host: string; port: number; command: string[] } | 'version' {
  let host = '127.0.0.1';
  let port = 6379;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i];
    if (a === '-v' || a === '--version') return 'version';
    if (a === '-h' && args[i + 1] !== undefined) host = args[++i];
    else if (a === '-p' && args[i + 1] !== undefined) port = Number(args[++i]);
    else if (a !== '--raw' && a !== '--no-raw') break;
  }
  return { host, port, command: args.slice(i) };
}

/** redis-cli sends a command to a server it reached: a replica first catches up with its leader. */
export function redisSend(words: readonly string[], target: RedisTarget): RedisReply {
  target.refresh?.();
  return redisCommand(words, target.server, target.replica);
}

/** Redis 7.4's defaults of the settings learners look at (CONFIG GET). */
const DEFAULTS: Readonly<Record<string, string>> = {
  appendfsync: 'everysec',
  appendonly: 'no',
  bind: '* -::*',
  databases: '16',
  dbfilename: 'dump.rdb',
  dir: '/data',
  loglevel: 'notice',
  maxclients: '10000',
  maxmemory: '0',
  'maxmemory-policy': 'noeviction',
  'maxmemory-samples': '5',
  port: '6379',
  requirepass: '',
  save: '3600 1 300 100 60 10000',
  'tcp-keepalive': '300',
  timeout: '0',
};

const POLICIES = new Set(['volatile-lru', 'allkeys-lru', 'volatile-lfu', 'allkeys-lfu', 'volatile-random', 'allkeys-random', 'volatile-ttl', 'noeviction']);

/** A memory size as redis reads it (`memtoull`): `2mb` is 2 × 1024², `2m` 2 × 1000², bytes without a unit. */
function memoryBytes(v: string): number | undefined {
  const m = /^(\d+)(b|k|kb|m|mb|g|gb)?$/i.exec(v.trim());
  if (!m) return undefined;
  const unit: Record<string, number> = { b: 1, k: 1e3, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };
  return Number(m[1]) * (m[2] ? unit[m[2].toLowerCase()] : 1);
}

/** Sets one setting as the configuration file or CONFIG SET gives it; the error redis answers, if any. */
function setConfig(server: RedisServer, name: string, value: string): string | undefined {
  const key = name.toLowerCase();
  if (!(key in DEFAULTS)) return `ERR Unknown option or number of arguments for CONFIG SET - '${name}'`;
  let v = value;
  if (key === 'maxmemory') {
    const bytes = memoryBytes(value);
    if (bytes === undefined) return `ERR CONFIG SET failed (possibly related to argument '${name}') - argument must be a memory value`;
    v = String(bytes);
  }
  if (key === 'maxmemory-policy' && !POLICIES.has(value.toLowerCase())) return `ERR CONFIG SET failed (possibly related to argument '${name}') - argument(s) must be one of the following: volatile-lru, volatile-lfu, volatile-random, volatile-ttl, allkeys-lru, allkeys-lfu, allkeys-random, noeviction`;
  server.config.set(key, v);
  return undefined;
}

/**
 * A server started as `redis-server [FILE] [--name value …]`: the settings
 * of its configuration file (one `name value` per line, `#` comments), then
 * those of its command line.
 */
export function configureRedis(args: readonly string[], files: ReadonlyMap<string, string>, server: RedisServer): void {
  let i = 0;
  if (args[0] !== undefined && !args[0].startsWith('--')) {
    for (const line of (files.get(args[0]) ?? '').split('\n')) {
      const t = line.trim();
      if (t === '' || t.startsWith('#')) continue;
      const [name, ...rest] = t.split(/\s+/);
      setConfig(server, name, rest.join(' ').replace(/^"(.*)"$/, '$1'));
    }
    i = 1;
  }
  for (; i < args.length; i++) {
    if (!args[i].startsWith('--')) continue;
    const values: string[] = [];
    while (args[i + 1] !== undefined && !args[i + 1].startsWith('--')) values.push(args[++i]);
    setConfig(server, args[i - values.length].slice(2), values.join(' '));
  }
}

/** A glob as redis matches it (KEYS, CONFIG GET): `*`, `?` and `[…]`. */
function globRegExp(pattern: string): RegExp {
  let re = '';
  for (const c of pattern) re += c === '*' ? '.*' : c === '?' ? '.' : c === '[' || c === ']' ? c : c.replace(/[.+^${}()|\\/-]/g, '\\$&');
  return new RegExp(`^${re}$`);
}

const ARITY: Readonly<Record<string, number>> = { ping: -1, echo: 2, set: -3, get: 2, del: -2, exists: -2, incr: 2, decr: 2, keys: 2, dbsize: 1, flushall: -1, flushdb: -1, type: 2, append: 3, config: -2 };

const bulk = (s: string): RedisReply => ({ t: 'bulk', s });
const int = (n: number): RedisReply => ({ t: 'int', n });
const OK: RedisReply = { t: 'status', s: 'OK' };

/** The commands that write: a replica refuses them. */
const WRITES = new Set(['set', 'del', 'incr', 'decr', 'append', 'flushall', 'flushdb']);

/** The server's reply to one command (`replica`: the server replicates a leader and refuses writes). */
export function redisCommand(words: readonly string[], server: RedisServer, replica = false): RedisReply {
  const [name, ...a] = words;
  const cmd = name.toLowerCase();
  if (!(cmd in ARITY)) return { t: 'error', s: `ERR unknown command '${name}', with args beginning with: ${a.map((x) => `'${x}' `).join('')}` };
  const want = ARITY[cmd];
  if (want > 0 ? words.length !== want : words.length < -want) return { t: 'error', s: `ERR wrong number of arguments for '${cmd}' command` };
  if (replica && WRITES.has(cmd)) return { t: 'error', s: "READONLY You can't write against a read only replica." };
  const keys = server.keys;
  switch (cmd) {
    case 'ping':
      return a[0] !== undefined ? bulk(a[0]) : { t: 'status', s: 'PONG' };
    case 'echo':
      return bulk(a[0]);
    case 'set':
      keys.set(a[0], a[1]);
      return OK;
    case 'get': {
      const v = keys.get(a[0]);
      return v === undefined ? { t: 'nil' } : bulk(v);
    }
    case 'del':
    case 'exists': {
      const n = a.filter((k) => keys.has(k)).length;
      if (cmd === 'del') for (const k of a) keys.delete(k);
      return int(n);
    }
    case 'incr':
    case 'decr': {
      const cur = keys.get(a[0]) ?? '0';
      if (!/^-?\d+$/.test(cur)) return { t: 'error', s: 'ERR value is not an integer or out of range' };
      const v = Number(cur) + (cmd === 'incr' ? 1 : -1);
      keys.set(a[0], String(v));
      return int(v);
    }
    case 'append':
      keys.set(a[0], (keys.get(a[0]) ?? '') + a[1]);
      return int(keys.get(a[0])!.length);
    case 'keys': {
      const re = globRegExp(a[0]);
      return { t: 'array', items: [...keys.keys()].filter((k) => re.test(k)).sort().map(bulk) };
    }
    case 'dbsize':
      return int(keys.size);
    case 'type':
      return { t: 'status', s: keys.has(a[0]) ? 'string' : 'none' };
    case 'config':
      return config(a, server);
    default:
      keys.clear();
      return OK;
  }
}

/** CONFIG GET pattern… and CONFIG SET name value. */
function config(a: readonly string[], server: RedisServer): RedisReply {
  const sub = a[0].toLowerCase();
  if (sub === 'get' && a.length >= 2) {
    const items: RedisReply[] = [];
    for (const name of Object.keys(DEFAULTS).sort()) {
      if (!a.slice(1).some((p) => globRegExp(p.toLowerCase()).test(name))) continue;
      items.push(bulk(name), bulk(server.config.get(name) ?? DEFAULTS[name]));
    }
    return { t: 'array', items };
  }
  if (sub === 'set' && a.length >= 3 && a.length % 2 === 1) {
    for (let i = 1; i < a.length; i += 2) {
      const err = setConfig(server, a[i], a[i + 1]);
      if (err) return { t: 'error', s: err };
    }
    return OK;
  }
  if (sub === 'get' || sub === 'set') return { t: 'error', s: `ERR wrong number of arguments for 'config|${sub}' command` };
  return { t: 'error', s: `ERR unknown subcommand '${a[0]}'. Try CONFIG HELP.` };
}

/** A reply as redis-cli prints it when its output is not a terminal (`--raw`), with its line end. */
export function rawReply(r: RedisReply): string {
  const body = (x: RedisReply): string => (x.t === 'int' ? String(x.n) : x.t === 'nil' ? '' : x.t === 'array' ? x.items.map(body).join('\n') : x.s);
  return `${body(r)}\n`;
}

/** A string as redis-cli quotes it on a terminal (`sdscatrepr`). */
function quoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '\\' || ch === '"') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 32 || c === 127) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A reply as redis-cli prints it on a terminal: `"v"`, `(integer) 2`, `(nil)`, `(error) …`, numbered array items. */
export function ttyReply(r: RedisReply): string {
  switch (r.t) {
    case 'status':
      return `${r.s}\n`;
    case 'error':
      return `(error) ${r.s}\n`;
    case 'int':
      return `(integer) ${r.n}\n`;
    case 'nil':
      return '(nil)\n';
    case 'bulk':
      return `${quoted(r.s)}\n`;
    case 'array': {
      if (r.items.length === 0) return '(empty array)\n';
      const width = String(r.items.length).length;
      return r.items.map((x, i) => `${String(i + 1).padStart(width)}) ${ttyReply(x)}`).join('');
    }
  }
}

/**
 * The words of a line typed at redis-cli's prompt (`sdssplitargs`): spaces
 * separate them, double quotes (with `\n`-style escapes) and single quotes
 * keep them together. Undefined for unbalanced quotes, or a closing quote
 * not followed by a space.
 */
export function splitRedisLine(line: string): string[] | undefined {
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    let w = '';
    const q = line[i] === '"' || line[i] === "'" ? line[i++] : '';
    for (;;) {
      if (i >= line.length) {
        if (q) return undefined;
        break;
      }
      const c = line[i];
      if (q && c === q) {
        i++;
        // A closing quote must be followed by a space or the end of the line.
        if (i < line.length && !/\s/.test(line[i])) return undefined;
        break;
      }
      if (!q && /\s/.test(c)) break;
      if (q === '"' && c === '\\' && i + 1 < line.length) {
        const n = line[++i];
        w += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n;
      } else w += c;
      i++;
    }
    words.push(w);
  }
  return words;
}
