import type { ApiMachinery } from './machinery';

/**
 * Interim machinery: no defaulting or validation, JSON merge patch only.
 * Replaced by the full machinery (defaults/, validation/, patch/) as those
 * modules land; used by nothing once they do.
 */
export const basicMachinery: ApiMachinery = {
  applyDefaults: (obj) => obj,
  validateCreate: () => [],
  validateUpdate: () => [],
  applyPatch(original, patch, type) {
    if (type === 'json') return { ok: false, message: 'json patch is not supported yet' };
    return { ok: true, object: mergePatch(original, patch) as typeof original };
  },
};

function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
