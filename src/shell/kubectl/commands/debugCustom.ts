import type { Container } from 'kubernetes-types/core/v1';
import { parse } from 'yaml';
import type { CommandContext } from '../command';
import { readFiles } from '../common';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The merge keys of a Container's lists in a strategic merge patch. */
const MERGE_KEYS: Readonly<Record<string, string>> = { env: 'name', volumeMounts: 'mountPath', volumeDevices: 'devicePath', ports: 'containerPort' };

/**
 * `kubectl debug --custom FILE`: a partial container spec (JSON, else YAML)
 * merged over the debug container after the profile, as a strategic merge
 * patch would (lists of env, mounts and ports merged by their keys). What
 * makes the container what it is may not be changed this way.
 */
export function readCustomProfile(ctx: CommandContext, path: string): Obj | { error: string } {
  const files = readFiles(ctx, [path], false);
  if ('type' in files || files.length === 0) return { error: `must pass a container spec json file for custom profile: open ${path}: no such file or directory` };
  const text = files[0].text;
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch {
    try {
      spec = parse(text);
    } catch (e) {
      return { error: `${path} does not contain a valid container spec: ${(e as Error).message.split('\n')[0]}` };
    }
  }
  if (!isObj(spec)) return { error: `${path} does not contain a valid container spec: error unmarshaling JSON: json: cannot unmarshal ${Array.isArray(spec) ? 'array' : typeof spec} into Go value of type v1.Container` };
  if (spec.name || spec.command || spec.image || spec.lifecycle || spec.volumeDevices) return { error: 'name, command, image, lifecycle and volume devices are not modifiable via custom profile' };
  return spec;
}

/** The container with the custom profile merged over it. */
export function applyCustomProfile<C extends Container>(c: C, custom: Obj): C {
  return merge(c as unknown as Obj, custom, '') as unknown as C;
}

function merge(base: Obj, patch: Obj, field: string): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    const was = out[k];
    const key = field === '' ? MERGE_KEYS[k] : undefined;
    if (key && Array.isArray(v) && Array.isArray(was)) {
      const list = [...was] as Obj[];
      for (const item of v as Obj[]) {
        const i = list.findIndex((x) => isObj(x) && isObj(item) && x[key] === item[key]);
        if (i >= 0) list[i] = merge(list[i], item, k);
        else list.push(item);
      }
      out[k] = list;
    } else if (isObj(v) && isObj(was)) out[k] = merge(was, v, k);
    else if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}
