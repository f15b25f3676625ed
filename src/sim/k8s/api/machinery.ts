import type { FieldError } from './fieldErrors';
import type { PatchType } from './client';
import type { ResourceInfo } from './resources';
import type { KubeObject } from './types';
import { applyDefaults } from './defaults/applyDefaults';
import { validateCreate, validateUpdate } from './validation/validate';
import { applyPatch } from './patch/applyPatch';

/**
 * The per-kind API machinery the API server core delegates to: defaulting,
 * validation and patch application. Kept behind an interface so the core
 * stays small and each part is tested on its own.
 */
export interface ApiMachinery {
  applyDefaults(obj: KubeObject, info: ResourceInfo): KubeObject;
  validateCreate(obj: KubeObject, info: ResourceInfo): FieldError[];
  validateUpdate(obj: KubeObject, old: KubeObject, info: ResourceInfo): FieldError[];
  /** Applies a patch to `original`; returns the patched object or kubectl/API error text. */
  applyPatch(original: KubeObject, patch: unknown, type: PatchType, info: ResourceInfo): { ok: true; object: KubeObject } | { ok: false; message: string };
}

/** The machinery of the real API server's kinds. */
export const apiMachinery: ApiMachinery = {
  applyDefaults,
  validateCreate,
  validateUpdate,
  applyPatch,
};
