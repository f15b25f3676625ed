import type { PatchType } from './client';
import type { ResourceInfo } from './resources';
import type { KubeObject } from './types';

/**
 * Interim patch application (JSON merge patch for both merge and strategic
 * types) until the strategic-merge machinery in patch/ lands.
 */
export function basicPatch(original: KubeObject, patch: unknown, type: PatchType, _info: ResourceInfo): { ok: true; object: KubeObject } | { ok: false; message: string } {
  if (type === 'json') return { ok: false, message: 'json patch is not supported yet' };
  return { ok: true, object: mergePatch(original, patch) as KubeObject };
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Machinery without defaulting or validation (for narrow tests that build complete objects). */
export const basicMachinery = {
  applyDefaults: (obj: KubeObject) => obj,
  validateCreate: () => [],
  validateUpdate: () => [],
  applyPatch: basicPatch,
};
