import { encodeBase64 } from '../../../../lib/encodeBase64';

/**
 * Defaults of Secret (`SetDefaults_Secret`: type Opaque) and the v1 → internal
 * conversion that merges the write-only `stringData` into base64 `data`
 * (stringData wins on a shared key). Mutates in place.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function defaultSecret(obj: Obj): void {
  if (!obj.type) obj.type = 'Opaque';
  if (isObj(obj.stringData)) {
    const data: Obj = isObj(obj.data) ? { ...obj.data } : {};
    for (const [k, v] of Object.entries(obj.stringData)) data[k] = encodeBase64(String(v ?? ''));
    obj.data = data;
  }
  delete obj.stringData;
}
