import type { ResourceInfo, ResourceRegistry } from '../../sim/k8s/index';
import { err, type KubectlError } from './errors';

/**
 * How kubectl's resource builder reads positional arguments
 * (cli-runtime `resource.Builder.ResourceTypeOrNameArgs`): `TYPE`,
 * `TYPE NAME…`, `TYPE1,TYPE2 [NAME…]`, `TYPE/NAME…`, and the `all` category.
 */
export type ResourceSelection =
  | { type: 'types'; infos: ResourceInfo[] }
  | { type: 'names'; items: { info: ResourceInfo; name: string }[] };

/** Resolves one type word (`po`, `deployments.apps`) or reports it as kubectl does. */
export function resolveType(registry: ResourceRegistry, word: string): ResourceInfo | KubectlError {
  const info = registry.resolve(word);
  if (info) return info;
  const lower = word.toLowerCase();
  const dot = lower.indexOf('.');
  if (dot > 0) {
    const rest = lower.slice(dot + 1);
    const m = /^(v\d+(?:(?:alpha|beta)\d+)?)\.(.+)$/.exec(rest);
    if (m) return { type: 'noResourceMatch', resource: lower.slice(0, dot), group: m[2], version: m[1] };
    return { type: 'noResourceMatch', resource: lower.slice(0, dot), group: rest };
  }
  return { type: 'noResourceMatch', resource: lower };
}

function resolveTypes(registry: ResourceRegistry, list: string): ResourceInfo[] | KubectlError {
  const out: ResourceInfo[] = [];
  for (const w of list.split(',')) {
    if (w === '') continue;
    if (w.toLowerCase() === 'all') {
      for (const i of registry.category('all')) if (!out.includes(i)) out.push(i);
      continue;
    }
    const r = resolveType(registry, w);
    if ('type' in r) return r;
    if (!out.includes(r)) out.push(r);
  }
  return out;
}

/** Reads positional arguments into types or named objects. */
export function parseResourceArgs(registry: ResourceRegistry, args: readonly string[]): ResourceSelection | KubectlError {
  if (args.length === 0) return { type: 'types', infos: [] };
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      return err.message(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const items: { info: ResourceInfo; name: string }[] = [];
    for (const a of args) {
      const i = a.indexOf('/');
      const t = a.slice(0, i);
      const name = a.slice(i + 1);
      if (!t || !name || name.includes('/')) return err.message(`arguments in resource/name form must have a single resource and name`);
      const r = resolveType(registry, t);
      if ('type' in r) return r;
      items.push({ info: r, name });
    }
    return { type: 'names', items };
  }
  const infos = resolveTypes(registry, args[0]);
  if ('type' in infos) return infos;
  const names = args.slice(1);
  if (names.length === 0) return { type: 'types', infos };
  if (args[0].split(',').some((w) => w.toLowerCase() === 'all')) return err.message('you must specify only one resource');
  return { type: 'names', items: infos.flatMap((info) => names.map((name) => ({ info, name }))) };
}
