import type { ApiMachinery } from './machinery';
import { applyPatch } from './patch/applyPatch';

/** Machinery without defaulting or validation, for narrow tests that build complete objects. */
export const basicMachinery: ApiMachinery = {
  applyDefaults: (obj) => obj,
  validateCreate: () => [],
  validateUpdate: () => [],
  applyPatch,
};
