import { fnv32a } from '../../../lib/fnv';
import { flat } from '../../../lib/flat';

/** A parsed container image reference, normalised the way containerd normalises it. */
export interface ImageRef {
  /** As written in the pod spec. */
  raw: string;
  /** Registry host (`docker.io` when none is given). */
  registry: string;
  /** Repository path without registry (`library/nginx`). */
  repository: string;
  tag?: string;
  digest?: string;
  /** `docker.io/library/nginx:1.27` (or `…@sha256:…`). */
  full: string;
  /** `docker.io/library/nginx`. */
  name: string;
}

const parsed = new Map<string, ImageRef>();

/** Parses `nginx`, `nginx:1.27`, `registry.k8s.io/pause:3.10`, `repo@sha256:…` (results are shared and frozen). */
export function parseImageRef(raw: string): ImageRef {
  let ref = parsed.get(raw);
  if (!ref) {
    ref = Object.freeze(computeImageRef(raw));
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(raw, ref);
  }
  return ref;
}

function computeImageRef(raw: string): ImageRef {
  let rest = raw.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry = 'docker.io';
  const firstSlash = rest.indexOf('/');
  const first = firstSlash >= 0 ? rest.slice(0, firstSlash) : '';
  if (first && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    rest = rest.slice(firstSlash + 1);
  }
  if (registry === 'docker.io' && !rest.includes('/')) rest = `library/${rest}`;
  if (!tag && !digest) tag = 'latest';
  const name = `${registry}/${rest}`;
  const full = digest ? `${name}@${digest}` : `${name}:${tag}`;
  return { raw, registry, repository: rest, tag, digest, full, name };
}

/** A stable, plausible `sha256:` digest for an image (the same reference always gets the same digest). */
const digests = new Map<string, string>();

export function imageDigest(full: string): string {
  let d = digests.get(full);
  if (d === undefined) {
    d = computeDigest(full);
    if (digests.size > 10_000) digests.clear();
    digests.set(full, d);
  }
  return d;
}

function computeDigest(full: string): string {
  let hex = '';
  let h = fnv32a(full);
  while (hex.length < 64) {
    h = fnv32a(`${full}#${hex.length}`, h);
    hex += h.toString(16).padStart(8, '0');
  }
  return `sha256:${hex.slice(0, 64)}`;
}

/** The `imageID` the kubelet reports: `docker.io/library/nginx@sha256:…`. */
export function imageID(ref: ImageRef): string {
  let id = imageIDs.get(ref);
  if (id === undefined) imageIDs.set(ref, (id = flat(`${ref.name}@${ref.digest ?? imageDigest(ref.full)}`)));
  return id;
}

/** One imageID string per (shared, frozen) reference: every container status of every pod carries one. */
const imageIDs = new WeakMap<ImageRef, string>();
