import { parseImageRef, type ImageRef } from './imageRef';

/**
 * What the simulation knows about well-known images: compressed size (pull
 * time), how long the process takes to start, and how it stops. Sizes are
 * the amd64 compressed sizes of current tags, rounded.
 */
export interface ImageProfile {
  /** Compressed size in bytes (what the kubelet reports as "Image size"). */
  sizeBytes: number;
  /** Time from container start to the process serving (ms). */
  startMs: number;
  /** Time to exit after SIGTERM (ms); Infinity = ignores SIGTERM (killed at the end of the grace period). */
  stopMs: number;
}

const MB = 1_000_000;

/** Known repositories (normalised `registry/repository`). */
export const IMAGE_CATALOG: Readonly<Record<string, ImageProfile>> = {
  'docker.io/library/nginx': { sizeBytes: 72_099_410, startMs: 150, stopMs: 100 },
  'docker.io/library/httpd': { sizeBytes: 58 * MB, startMs: 200, stopMs: 150 },
  'docker.io/library/redis': { sizeBytes: 45 * MB, startMs: 150, stopMs: 100 },
  'docker.io/library/postgres': { sizeBytes: 158 * MB, startMs: 2500, stopMs: 500 },
  'docker.io/library/mysql': { sizeBytes: 172 * MB, startMs: 6000, stopMs: 1500 },
  'docker.io/library/busybox': { sizeBytes: 2_155_000, startMs: 20, stopMs: Infinity },
  'docker.io/library/alpine': { sizeBytes: 3_650_000, startMs: 20, stopMs: Infinity },
  'docker.io/library/ubuntu': { sizeBytes: 29_761_377, startMs: 30, stopMs: Infinity },
  'docker.io/library/node': { sizeBytes: 412 * MB, startMs: 400, stopMs: 200 },
  'docker.io/library/python': { sizeBytes: 385 * MB, startMs: 300, stopMs: 200 },
  'docker.io/library/php': { sizeBytes: 178 * MB, startMs: 250, stopMs: 200 },
  'docker.io/library/memcached': { sizeBytes: 36 * MB, startMs: 100, stopMs: 100 },
  'docker.io/library/mongo': { sizeBytes: 265 * MB, startMs: 2000, stopMs: 800 },
  'docker.io/library/traefik': { sizeBytes: 52 * MB, startMs: 300, stopMs: 200 },
  'registry.k8s.io/pause': { sizeBytes: 320_368, startMs: 10, stopMs: 10 },
  'registry.k8s.io/hpa-example': { sizeBytes: 170 * MB, startMs: 300, stopMs: 200 },
  'registry.k8s.io/busybox': { sizeBytes: 1_144_547, startMs: 20, stopMs: Infinity },
  'registry.k8s.io/echoserver': { sizeBytes: 46 * MB, startMs: 200, stopMs: 100 },
  'registry.k8s.io/goproxy': { sizeBytes: 5_800_000, startMs: 50, stopMs: 50 },
  'registry.k8s.io/liveness': { sizeBytes: 2_500_000, startMs: 50, stopMs: 50 },
  'registry.k8s.io/nginx-slim': { sizeBytes: 36 * MB, startMs: 150, stopMs: 100 },
  'registry.k8s.io/etcd': { sizeBytes: 57 * MB, startMs: 1000, stopMs: 500 },
  'registry.k8s.io/kube-apiserver': { sizeBytes: 28 * MB, startMs: 2000, stopMs: 500 },
  'registry.k8s.io/kube-controller-manager': { sizeBytes: 26 * MB, startMs: 1000, stopMs: 500 },
  'registry.k8s.io/kube-scheduler': { sizeBytes: 20 * MB, startMs: 1000, stopMs: 500 },
  'registry.k8s.io/kube-proxy': { sizeBytes: 30 * MB, startMs: 500, stopMs: 200 },
  'registry.k8s.io/coredns/coredns': { sizeBytes: 18 * MB, startMs: 500, stopMs: 200 },
};

/**
 * The profile used for images not in the catalog. Not yet modelled: a
 * registry that answers "not found" (a later issue makes unknown images and
 * tags fail with ErrImagePull); until then any reference pulls like a
 * medium-sized image.
 */
export const GENERIC_IMAGE: ImageProfile = { sizeBytes: 80 * MB, startMs: 300, stopMs: 300 };

export function imageProfile(image: string | ImageRef): ImageProfile {
  const ref = typeof image === 'string' ? parseImageRef(image) : image;
  return IMAGE_CATALOG[ref.name] ?? GENERIC_IMAGE;
}
