import { isConfigMapKey } from '../../../sim/k8s/index';
import type { CommandContext } from '../command';

/**
 * The data sources `kubectl create configmap` and `create secret generic`
 * share (kubectl `pkg/cmd/create/create_configmap.go`, `util/hash`):
 * `--from-literal=key=value`, `--from-file=[key=]path` (a file, or every
 * file of a directory) and `--from-env-file`. Files come from the shell's
 * FileSource: the editor's tabs in the browser, disk in the CLI.
 */
export type SourceResult = { ok: true; data: [string, string][] } | { ok: false; message: string };

/** `parseLiteralSource`. */
function parseLiteral(source: string): [string, string] | string {
  const i = source.indexOf('=');
  if (i <= 0) return `invalid literal source ${source}, expected key=value`;
  return [source.slice(0, i), source.slice(i + 1)];
}

const basename = (p: string) => p.replace(/\/+$/, '').split('/').pop() ?? p;

/** Reads every `--from-*` flag; `kind` names the object in duplicate-key errors (`ConfigMap`, `Secret`). */
export function readDataSources(ctx: CommandContext, kind: 'ConfigMap' | 'Secret', name: string): SourceResult {
  const data = new Map<string, string>();
  const add = (key: string, value: string): string | undefined => {
    const problems = isConfigMapKey(key);
    if (problems.length) return `"${key}" is not a valid key name for a ${kind}: ${problems.join(',')}`;
    if (data.has(key)) return `cannot add key "${key}", another key by that name already exists in ${kind === 'ConfigMap' ? 'Data' : 'data'} for ${kind} "${name}"`;
    data.set(key, value);
    return undefined;
  };
  for (const source of ctx.flags.list('from-file')) {
    const eq = source.indexOf('=');
    const [key, path] = eq >= 0 ? [source.slice(0, eq), source.slice(eq + 1)] : [undefined, source];
    if (eq >= 0 && (!key || !path)) return { ok: false, message: `key names or file paths cannot contain '='` };
    const text = ctx.env.files.read(path);
    if (text !== undefined) {
      const problem = add(key ?? basename(path), text);
      if (problem) return { ok: false, message: problem };
      continue;
    }
    const list = ctx.env.files.list?.(path);
    if (list === undefined) return { ok: false, message: `error reading ${path}: no such file or directory` };
    if (key !== undefined) return { ok: false, message: 'cannot give a key name for a directory path' };
    for (const child of [...list].sort()) {
      const content = ctx.env.files.read(child);
      if (content === undefined) continue;
      const problem = add(basename(child), content);
      if (problem) return { ok: false, message: problem };
    }
  }
  for (const source of ctx.flags.list('from-literal')) {
    const kv = parseLiteral(source);
    if (typeof kv === 'string') return { ok: false, message: kv };
    const problem = add(kv[0], kv[1]);
    if (problem) return { ok: false, message: problem };
  }
  for (const path of ctx.flags.list('from-env-file')) {
    const text = ctx.env.files.read(path);
    if (text === undefined) return { ok: false, message: `error reading ${path}: no such file or directory` };
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].replace(/^\uFEFF/, '').replace(/\r$/, '');
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      const eq = line.indexOf('=');
      // A bare KEY takes the value from kubectl's own environment: empty in the playground.
      const [k, v] = eq < 0 ? [line.trim(), ''] : [line.slice(0, eq).trimStart(), line.slice(eq + 1)];
      if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(k)) return { ok: false, message: `"${k}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')` };
      const problem = add(k, v);
      if (problem) return { ok: false, message: problem };
    }
  }
  return { ok: true, data: [...data.entries()] };
}
