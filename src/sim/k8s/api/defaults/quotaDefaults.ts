/**
 * Defaults of LimitRange items (`SetDefaults_LimitRangeItem`): for Container
 * limits, a missing default limit is the max, a missing default request is
 * the default limit, else the min. Mutates in place.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function defaultLimitRange(obj: Obj): void {
  const spec = isObj(obj.spec) ? obj.spec : undefined;
  if (!spec || !Array.isArray(spec.limits)) return;
  spec.limits = spec.limits.map((raw) => {
    if (!isObj(raw) || raw.type !== 'Container') return raw;
    const item = { ...raw };
    const def: Obj = { ...(isObj(item.default) ? item.default : {}) };
    const defReq: Obj = { ...(isObj(item.defaultRequest) ? item.defaultRequest : {}) };
    for (const [k, v] of Object.entries(isObj(item.max) ? item.max : {})) if (!(k in def)) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
    for (const [k, v] of Object.entries(isObj(item.min) ? item.min : {})) if (!(k in defReq)) defReq[k] = v;
    if (Object.keys(def).length) item.default = def;
    if (Object.keys(defReq).length) item.defaultRequest = defReq;
    return item;
  });
}
