import { hpaFromV1, hpaToV1 } from './hpaConversion';
import { apiVersionOf, type ResourceInfo } from './resources';
import type { KubeObject } from './types';

/**
 * The API server's conversions between a kind's served versions and the one
 * it stores (the scheme's conversion functions, through the internal type):
 * requests at another version are converted on the way in, answers on the
 * way out. Every version a resource lists in `otherVersions` has one here.
 */
export interface VersionConversion {
  /** The object at the served version as the storage version holds it. */
  toStorage(obj: KubeObject): KubeObject;
  /** A stored object as the served version shows it. */
  fromStorage(obj: KubeObject): KubeObject;
}

/** By apiVersion, then kind (a write asks for its apiVersion first: most have none here). */
const CONVERSIONS: ReadonlyMap<string, ReadonlyMap<string, VersionConversion>> = new Map([
  ['autoscaling/v1', new Map([['HorizontalPodAutoscaler', { toStorage: hpaFromV1, fromStorage: hpaToV1 }]])],
]);

/** The apiVersions some kind is converted at: every write asks, and nearly all answer no at a string compare. */
const CONVERTED: readonly string[] = [...CONVERSIONS.keys()];

/** The conversion of a kind at a non-storage apiVersion, or undefined (a storage version: nothing to convert). */
export function conversionFor(apiVersion: string, kind: string): VersionConversion | undefined {
  // A Map lookup per write cost the 150,000-pod bench about 6 % (measured): compare first.
  for (let i = 0; i < CONVERTED.length; i++) if (CONVERTED[i] === apiVersion) return CONVERSIONS.get(apiVersion)?.get(kind);
  return undefined;
}

/**
 * A stored object as the API server serves it at `info`'s version (the
 * object itself at the storage version).
 * @example servedObject(storedHpa, registry.resolve('hpa.v1.autoscaling')!).spec.targetCPUUtilizationPercentage // 50
 */
export function servedObject<T extends KubeObject>(obj: T, info: ResourceInfo): T {
  if (info.storageVersion === undefined) return obj;
  const conversion = conversionFor(apiVersionOf(info), info.kind);
  return conversion ? (conversion.fromStorage(obj) as T) : obj;
}
