/** Patches: JSON merge, JSON patch, strategic merge, and kubectl's client-side apply. */
export { applyPatch, createApplyPatch, lastAppliedValue, LAST_APPLIED_ANNOTATION } from './applyPatch';
export { jsonMergePatch } from './jsonMergePatch';
export { jsonPatch, type JsonPatchOperation, type JsonPatchResult } from './jsonPatch';
export { strategicMergePatch } from './strategicMergePatch';
export { PATCH_META, type PatchMeta } from './patchMeta';
