import { imageProfile, tagExists, type ImageProfile } from './catalog';
import type { ImageRef } from './imageRef';

export type PullResult =
  | { ok: true; profile: ImageProfile }
  /** The registry refused: `code` is the CRI error code in the kubelet's message. */
  | { ok: false; code: 'NotFound' | 'Unknown'; message: string };

/**
 * What a registry answers to a pull of `ref`: the image's profile when the
 * repository and tag exist, else containerd's error text (the part after
 * `rpc error: code = … desc = `). Unknown repositories on Docker Hub get
 * Docker Hub's "pull access denied"; elsewhere, "not found".
 */
export function pullImage(ref: ImageRef): PullResult {
  const profile = imageProfile(ref);
  const resolve = `failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}"`;
  if (!profile) {
    if (ref.registry === 'docker.io') {
      return { ok: false, code: 'Unknown', message: `${resolve}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed` };
    }
    return { ok: false, code: 'NotFound', message: `${resolve}: ${ref.full}: not found` };
  }
  if (ref.tag !== undefined && !ref.digest && !tagExists(profile.tags, ref.tag)) {
    return { ok: false, code: 'NotFound', message: `${resolve}: ${ref.full}: not found` };
  }
  return { ok: true, profile };
}

/**
 * The kubelet's check of an image reference before any pull
 * (`applyDefaultImageTag`): undefined when fine, else the
 * `InvalidImageName` message.
 */
const checked = new Map<string, string | undefined>();

export function invalidImageName(image: string): string | undefined {
  if (checked.has(image)) return checked.get(image);
  const r = checkImageName(image);
  if (checked.size > 10_000) checked.clear();
  checked.set(image, r);
  return r;
}

function checkImageName(image: string): string | undefined {
  const fail = (why: string) => `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format${why}`;
  if (image.trim() === '' || /\s/.test(image)) return fail('');
  const at = image.indexOf('@');
  const nameTag = at >= 0 ? image.slice(0, at) : image;
  if (at >= 0 && !/^sha256:[a-f0-9]{64}$/.test(image.slice(at + 1))) return fail('');
  const slash = nameTag.lastIndexOf('/');
  const colon = nameTag.lastIndexOf(':');
  const name = colon > slash ? nameTag.slice(0, colon) : nameTag;
  const tag = colon > slash ? nameTag.slice(colon + 1) : undefined;
  if (tag !== undefined && !/^[\w][\w.-]{0,127}$/.test(tag)) return fail('');
  const parts = name.split('/');
  const first = parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost') ? parts.shift()! : undefined;
  const path = parts.join('/');
  if (path !== path.toLowerCase()) {
    const repo = first ? path : parts.length === 1 ? `library/${path}` : path;
    return fail(`: repository name (${repo}) must be lowercase`);
  }
  if (!parts.every((p) => /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/.test(p))) return fail('');
  return undefined;
}
