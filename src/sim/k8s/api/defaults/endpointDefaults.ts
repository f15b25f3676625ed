/**
 * Defaults of Endpoints (`SetDefaults_EndpointPort`: protocol TCP) and
 * EndpointSlice (`discovery/v1` `SetDefaults_EndpointPort`: protocol TCP,
 * name ""). Mutates in place.
 */
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

export function defaultEndpoints(obj: Obj): void {
  for (const ss of Array.isArray(obj.subsets) ? obj.subsets.filter(isObj) : []) {
    for (const p of Array.isArray(ss.ports) ? ss.ports.filter(isObj) : []) if (!p.protocol) p.protocol = 'TCP';
  }
}

export function defaultEndpointSlice(obj: Obj): void {
  for (const p of Array.isArray(obj.ports) ? obj.ports.filter(isObj) : []) {
    if (p.name === undefined || p.name === null) p.name = '';
    if (!p.protocol) p.protocol = 'TCP';
  }
}
