import { parseOptions } from '../../lib/filters/filter';
import { layoutColumns } from './columns';
import { parentOf } from './paths';
import type { Kind, Workspace } from './workspace';
import { utf8Length } from '../../lib/encodeBase64';

/**
 * `ls` as GNU coreutils 9 prints in the C locale: names sorted bytewise,
 * in columns on a terminal (tabs of 8, 80 columns) and one per line into a
 * pipe or a file, `-l` with the learner's owner and the virtual clock's
 * times, `-a`/`-A`, `-F`/`-p`, `-R`, `-d`, `-r`, `-t`, `-S`, `-h`, `-1`,
 * `-C`, `-x`; names a shell would need quoted are quoted on a terminal.
 */

const OWNER = 'learner';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** GNU ls shows the year instead of the time for a file more than six months old (or in the future). */
const SIX_MONTHS_MS = (365.2425 / 2) * 86_400_000;

interface Options {
  all: boolean;
  almostAll: boolean;
  long: boolean;
  format: 'columns' | 'across' | 'single';
  indicator: 'none' | 'slash' | 'classify';
  recursive: boolean;
  directory: boolean;
  reverse: boolean;
  sort: 'name' | 'time' | 'size';
  human: boolean;
}

/** One thing to list: a name as shown and what it is. */
interface Item {
  name: string;
  ws: string;
  kind: Kind;
}

export interface LsIo {
  out(text: string): void;
  err(text: string): void;
  /** Whether standard output is the terminal (columns, quoting) rather than a pipe or a file. */
  terminal: boolean;
  /** The virtual clock, for which times show a year. */
  now: number;
}

function parse(args: readonly string[], terminal: boolean): { opts: Options; operands: string[] } | { error: string } {
  const parsed = parseOptions('ls', args, {
    flags: 'aAl1CxFpRdrtSh',
    withValue: '',
    long: {
      all: { key: 'a', value: false },
      'almost-all': { key: 'A', value: false },
      classify: { key: 'F', value: false },
      recursive: { key: 'R', value: false },
      directory: { key: 'd', value: false },
      reverse: { key: 'r', value: false },
      'human-readable': { key: 'h', value: false },
    },
  });
  if ('error' in parsed) return parsed;
  const opts: Options = { all: false, almostAll: false, long: false, format: terminal ? 'columns' : 'single', indicator: 'none', recursive: false, directory: false, reverse: false, sort: 'name', human: false };
  for (const o of parsed.opts) {
    if (o.key === 'a') opts.all = true;
    else if (o.key === 'A') opts.almostAll = true;
    else if (o.key === 'l') opts.long = true;
    else if (o.key === '1') opts.format = 'single';
    else if (o.key === 'C') opts.format = 'columns';
    else if (o.key === 'x') opts.format = 'across';
    else if (o.key === 'F') opts.indicator = 'classify';
    else if (o.key === 'p') opts.indicator = 'slash';
    else if (o.key === 'R') opts.recursive = true;
    else if (o.key === 'd') opts.directory = true;
    else if (o.key === 'r') opts.reverse = true;
    else if (o.key === 't') opts.sort = 'time';
    else if (o.key === 'S') opts.sort = 'size';
    else if (o.key === 'h') opts.human = true;
  }
  return { opts, operands: parsed.operands };
}

/** A name as ls shows it on a terminal (shell-escape quoting: `'my file'`), or as it is into a pipe. */
function shown(name: string, terminal: boolean): string {
  if (!terminal || /^[A-Za-z0-9_.,:@%+=^/-]+$/.test(name) || name === '') return name;
  // shell-escape quoting: double quotes for a name with a single quote and nothing a double quote would expand.
  if (name.includes("'") && !/["$`\\!]/.test(name)) return `"${name}"`;
  return `'${name.replace(/'/g, `'\\''`)}'`;
}

function sizeOf(ws: Workspace, item: Item): number {
  return item.kind === 'dir' ? 4096 : utf8Length(ws.read(item.ws) ?? '');
}

/** `-h` sizes: 612, 4.0K, 1.2M (powers of 1024, one decimal under 10, rounded up as ls rounds). */
function human(n: number): string {
  if (n < 1024) return String(n);
  const units = 'KMGTPE';
  let v = n;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const shownValue = v < 10 ? Math.ceil(v * 10) / 10 : Math.ceil(v);
  return shownValue < 10 ? `${shownValue.toFixed(1)}${units[u]}` : `${shownValue}${units[u]}`;
}

function timeOf(ms: number, now: number): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const recent = ms <= now && now - ms < SIX_MONTHS_MS;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

function withIndicator(item: Item, opts: Options, terminal: boolean): string {
  return shown(item.name, terminal) + (item.kind === 'dir' && opts.indicator !== 'none' ? '/' : '');
}

/** The items sorted as asked (names bytewise; `-t` newest first, `-S` largest first, ties by name). */
function sorted(ws: Workspace, items: Item[], opts: Options): Item[] {
  // Each item's key once (a time or a size reads the file), not once per comparison.
  const key = (item: Item) => (opts.sort === 'time' ? ws.mtime(item.ws) : opts.sort === 'size' ? sizeOf(ws, item) : 0);
  const keyed = items.map((item) => ({ item, key: key(item) }));
  keyed.sort((a, b) => b.key - a.key || (a.item.name < b.item.name ? -1 : a.item.name > b.item.name ? 1 : 0));
  const out = keyed.map((k) => k.item);
  return opts.reverse ? out.reverse() : out;
}

/** The lines of `items` in the chosen format (without a `total` line). */
function render(ws: Workspace, items: Item[], opts: Options, io: LsIo): string {
  if (items.length === 0) return '';
  if (opts.long) {
    const rows = items.map((item) => {
      const subdirs = item.kind === 'dir' ? ws.entries(item.ws).filter((e) => e.kind === 'dir').length : 0;
      const size = sizeOf(ws, item);
      return { mode: item.kind === 'dir' ? 'drwxr-xr-x' : '-rw-r--r--', links: String(item.kind === 'dir' ? 2 + subdirs : 1), size: opts.human ? human(size) : String(size), time: timeOf(ws.mtime(item.ws), io.now), name: withIndicator(item, opts, io.terminal) };
    });
    const lw = Math.max(...rows.map((r) => r.links.length));
    const sw = Math.max(...rows.map((r) => r.size.length));
    return rows.map((r) => `${r.mode} ${r.links.padStart(lw)} ${OWNER} ${OWNER} ${r.size.padStart(sw)} ${r.time} ${r.name}\n`).join('');
  }
  let names = items.map((item) => withIndicator(item, opts, io.terminal));
  // On a terminal, when a name is quoted the others get a space where its quote sits, to line up.
  const quoted = names.map((n, i) => n !== items[i].name && n.slice(0, items[i].name.length) !== items[i].name);
  if (io.terminal && quoted.some(Boolean)) names = names.map((n, i) => (quoted[i] ? n : ` ${n}`));
  if (opts.format === 'single') return names.map((n) => `${n}\n`).join('');
  return layoutColumns(names, 80, opts.format === 'across');
}

/** ls's `total` for `-l`: 1K blocks, a file taking whole 4K blocks (an empty one none), a folder one. */
function total(ws: Workspace, items: Item[], opts: Options): string {
  const kb = items.reduce((sum, item) => sum + Math.ceil(sizeOf(ws, item) / 4096) * 4, 0);
  return `total ${opts.human ? human(kb * 1024) : kb}\n`;
}

/** The entries of folder `dir` shown as `typed` (named from the operand), hidden ones as `-a`/`-A` say. */
function contents(ws: Workspace, dir: string, opts: Options): Item[] {
  const items: Item[] = ws
    .entries(dir)
    .filter((e) => opts.all || opts.almostAll || !e.name.startsWith('.'))
    .map((e) => ({ name: e.name, ws: dir === '' ? e.name : `${dir}/${e.name}`, kind: e.kind }));
  if (opts.all) items.push({ name: '.', ws: dir, kind: 'dir' }, { name: '..', ws: dir === '' ? dir : parentOf(dir), kind: 'dir' });
  return items;
}

/** Runs `ls ARGS`: the exit status (0, 1 for a minor problem, 2 for a missing operand or a bad option). */
export function runLs(ws: Workspace, args: readonly string[], io: LsIo): number {
  const parsed = parse(args, io.terminal);
  if ('error' in parsed) {
    io.err(`${parsed.error}Try 'ls --help' for more information.\n`);
    return 2;
  }
  const { opts } = parsed;
  const operands = parsed.operands.length > 0 ? parsed.operands : ['.'];
  let code = 0;
  const files: Item[] = [];
  const dirs: Item[] = [];
  for (const typed of operands) {
    const at = ws.resolve(typed);
    const kind = at === undefined ? undefined : ws.kind(at);
    if (at === undefined || kind === undefined) {
      io.err(`ls: cannot access '${typed}': No such file or directory\n`);
      code = 2;
      continue;
    }
    (kind === 'dir' && !opts.directory ? dirs : files).push({ name: typed, ws: at, kind });
  }
  let out = '';
  let printed = false;
  if (files.length > 0) {
    out += render(ws, sorted(ws, files, opts), opts, io);
    printed = true;
  }
  const headers = operands.length > 1 || opts.recursive;
  const queue = sorted(ws, dirs, opts);
  while (queue.length > 0) {
    const dir = queue.shift()!;
    const items = sorted(ws, contents(ws, dir.ws, opts), opts);
    if (printed) out += '\n';
    if (headers) out += `${shown(dir.name, io.terminal)}:\n`;
    if (opts.long) out += total(ws, items, opts);
    out += render(ws, items, opts, io);
    printed = true;
    if (opts.recursive) {
      const below = items.filter((i) => i.kind === 'dir' && i.name !== '.' && i.name !== '..').map((i) => ({ ...i, name: `${dir.name.replace(/\/+$/, '')}/${i.name}` }));
      queue.unshift(...below);
    }
  }
  io.out(out);
  return code;
}
