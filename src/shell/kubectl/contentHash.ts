import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { jsonMarshal } from '../../lib/goJson';
import type { KubeObject } from '../../sim/k8s/index';
import type { CommandContext } from './command';

/**
 * The content hash kubectl (`--append-hash`) and kustomize (generated
 * ConfigMaps and Secrets) put on a name: SHA-256 of Go's json.Marshal of
 * `fields` (map keys sorted, HTML characters escaped), its first ten hex
 * digits with vowels and look-alike digits replaced (0→g, 1→h, 3→k, a→m,
 * e→t) so that the suffix never spells a word.
 */
export function contentHash(fields: Record<string, unknown>): string {
  const digest = sha256(utf8ToBytes(jsonMarshal(fields)));
  let hex = '';
  for (let i = 0; i < 5; i++) hex += digest[i].toString(16).padStart(2, '0');
  return hex.replace(/[013ae]/g, (c) => ({ '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' })[c]!);
}

/**
 * `--append-hash` (kubectl's `hash.ConfigMapHash` / `hash.SecretHash`): the
 * object's name gets `-` and the hash of its kind, name and data (a Secret's
 * type too, empty when not given; a ConfigMap's binaryData when it has some).
 */
export function appendHashIfAsked(ctx: CommandContext, obj: KubeObject): KubeObject {
  if (!ctx.flags.bool('append-hash')) return obj;
  const o = obj as KubeObject & { data?: unknown; binaryData?: Record<string, string>; type?: string };
  const fields: Record<string, unknown> = { kind: o.kind, name: o.metadata.name, data: o.data ?? {} };
  if (o.kind === 'Secret') fields.type = o.type ?? '';
  else if (o.binaryData && Object.keys(o.binaryData).length > 0) fields.binaryData = o.binaryData;
  o.metadata.name = `${o.metadata.name}-${contentHash(fields)}`;
  return o;
}
