/**
 * The metric, condition and behavior conversions between autoscaling/v2
 * (the storage version) and the autoscaling/v1 types the round-trip
 * annotations carry (`pkg/apis/autoscaling/v1/conversion.go`). Objects are
 * built in the Go structs' field order, since `json.Marshal` writes them so.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});
/** A non-pointer `resource.Quantity`: the zero quantity marshals as `"0"`. */
const quantity = (v: unknown): unknown => (v === undefined || v === null ? '0' : v);

/** A `CrossVersionObjectReference` (the same struct in both versions). */
function ref(v: unknown): Obj {
  const r = obj(v);
  return { kind: r.kind ?? '', name: r.name ?? '', apiVersion: r.apiVersion || undefined };
}

/** `Convert_autoscaling_MetricSpec_To_v1_MetricSpec` and the source conversions it calls. */
export function metricSpecToV1(m: Obj): Obj {
  const out: Obj = { type: m.type ?? '' };
  if (isObj(m.object)) {
    const { describedObject, metric, target } = { describedObject: m.object.describedObject, metric: obj(m.object.metric), target: obj(m.object.target) };
    out.object = { target: ref(describedObject), metricName: metric.name ?? '', targetValue: quantity(target.value), selector: metric.selector, averageValue: target.averageValue };
  }
  if (isObj(m.pods)) {
    const metric = obj(m.pods.metric);
    out.pods = { metricName: metric.name ?? '', targetAverageValue: quantity(obj(m.pods.target).averageValue), selector: metric.selector };
  }
  if (isObj(m.resource)) {
    const target = obj(m.resource.target);
    out.resource = { name: m.resource.name ?? '', targetAverageUtilization: target.averageUtilization, targetAverageValue: target.averageValue };
  }
  if (isObj(m.containerResource)) {
    const target = obj(m.containerResource.target);
    out.containerResource = { name: m.containerResource.name ?? '', targetAverageUtilization: target.averageUtilization, targetAverageValue: target.averageValue, container: m.containerResource.container ?? '' };
  }
  if (isObj(m.external)) {
    const metric = obj(m.external.metric);
    const target = obj(m.external.target);
    out.external = { metricName: metric.name ?? '', metricSelector: metric.selector, targetValue: target.value, targetAverageValue: target.averageValue };
  }
  return out;
}

/** `Convert_v1_MetricSpec_To_autoscaling_MetricSpec`: the target type follows from which values are set. */
export function metricSpecFromV1(m: Obj): Obj {
  const out: Obj = { type: m.type ?? '' };
  if (isObj(m.object)) {
    const o = m.object;
    const target = { type: o.averageValue === undefined ? 'Value' : 'AverageValue', value: quantity(o.targetValue), averageValue: o.averageValue };
    out.object = { describedObject: ref(o.target), target, metric: { name: o.metricName ?? '', selector: o.selector } };
  }
  if (isObj(m.pods)) {
    out.pods = { metric: { name: m.pods.metricName ?? '', selector: m.pods.selector }, target: { type: 'AverageValue', averageValue: quantity(m.pods.targetAverageValue) } };
  }
  const resourceTarget = (r: Obj): Obj => ({ type: r.targetAverageUtilization === undefined ? 'AverageValue' : 'Utilization', averageValue: r.targetAverageValue, averageUtilization: r.targetAverageUtilization });
  if (isObj(m.resource)) out.resource = { name: m.resource.name ?? '', target: resourceTarget(m.resource) };
  if (isObj(m.containerResource)) out.containerResource = { name: m.containerResource.name ?? '', target: resourceTarget(m.containerResource), container: m.containerResource.container ?? '' };
  if (isObj(m.external)) {
    const e = m.external;
    out.external = { metric: { name: e.metricName ?? '', selector: e.metricSelector }, target: { type: e.targetValue === undefined ? 'AverageValue' : 'Value', value: e.targetValue, averageValue: e.targetAverageValue } };
  }
  return out;
}

/** `Convert_autoscaling_MetricStatus_To_v1_MetricStatus`. */
export function metricStatusToV1(m: Obj): Obj {
  const out: Obj = { type: m.type ?? '' };
  if (isObj(m.object)) {
    const metric = obj(m.object.metric);
    const current = obj(m.object.current);
    out.object = { target: ref(m.object.describedObject), metricName: metric.name ?? '', currentValue: quantity(current.value), selector: metric.selector, averageValue: current.averageValue };
  }
  if (isObj(m.pods)) {
    const metric = obj(m.pods.metric);
    out.pods = { metricName: metric.name ?? '', currentAverageValue: quantity(obj(m.pods.current).averageValue), selector: metric.selector };
  }
  if (isObj(m.resource)) {
    const current = obj(m.resource.current);
    out.resource = { name: m.resource.name ?? '', currentAverageUtilization: current.averageUtilization, currentAverageValue: quantity(current.averageValue) };
  }
  if (isObj(m.containerResource)) {
    const current = obj(m.containerResource.current);
    out.containerResource = { name: m.containerResource.name ?? '', currentAverageUtilization: current.averageUtilization, currentAverageValue: quantity(current.averageValue), container: m.containerResource.container ?? '' };
  }
  if (isObj(m.external)) {
    const metric = obj(m.external.metric);
    const current = obj(m.external.current);
    out.external = { metricName: metric.name ?? '', metricSelector: metric.selector, currentValue: quantity(current.value), currentAverageValue: current.averageValue };
  }
  return out;
}

/** `Convert_v1_MetricStatus_To_autoscaling_MetricStatus`. */
export function metricStatusFromV1(m: Obj): Obj {
  const out: Obj = { type: m.type ?? '' };
  if (isObj(m.object)) {
    const o = m.object;
    out.object = { metric: { name: o.metricName ?? '', selector: o.selector }, current: { value: quantity(o.currentValue), averageValue: o.averageValue }, describedObject: ref(o.target) };
  }
  if (isObj(m.pods)) out.pods = { metric: { name: m.pods.metricName ?? '', selector: m.pods.selector }, current: { averageValue: quantity(m.pods.currentAverageValue) } };
  const current = (r: Obj): Obj => ({ averageValue: quantity(r.currentAverageValue), averageUtilization: r.currentAverageUtilization });
  if (isObj(m.resource)) out.resource = { name: m.resource.name ?? '', current: current(m.resource) };
  if (isObj(m.containerResource)) out.containerResource = { name: m.containerResource.name ?? '', current: current(m.containerResource), container: m.containerResource.container ?? '' };
  if (isObj(m.external)) {
    const e = m.external;
    out.external = { metric: { name: e.metricName ?? '', selector: e.metricSelector }, current: { value: quantity(e.currentValue), averageValue: e.currentAverageValue } };
  }
  return out;
}

/** A condition as the v1 `HorizontalPodAutoscalerCondition` marshals it (same fields as v2 in 1.32). */
export function conditionV1(c: Obj): Obj {
  return { type: c.type ?? '', status: c.status ?? '', lastTransitionTime: c.lastTransitionTime ?? null, reason: c.reason || undefined, message: c.message || undefined };
}

/** A condition read back from the annotation (a null time stays unset). */
export function conditionFromV1(c: Obj): Obj {
  return { type: c.type ?? '', status: c.status ?? '', lastTransitionTime: c.lastTransitionTime ?? undefined, reason: c.reason || undefined, message: c.message || undefined };
}

/**
 * `json.Marshal(in.Spec.Behavior)` of the *internal* type (a TODO upstream):
 * no json tags, so Go field names, and unset pointers as `null`.
 */
export function behaviorToGoFields(behavior: Obj): Obj {
  const rules = (r: unknown): Obj | null => {
    if (!isObj(r)) return null;
    const policies = Array.isArray(r.policies) ? r.policies.map((p) => ({ Type: obj(p).type ?? '', Value: obj(p).value ?? 0, PeriodSeconds: obj(p).periodSeconds ?? 0 })) : null;
    return { StabilizationWindowSeconds: r.stabilizationWindowSeconds ?? null, SelectPolicy: r.selectPolicy ?? null, Policies: policies };
  };
  return { ScaleUp: rules(behavior.scaleUp), ScaleDown: rules(behavior.scaleDown) };
}

/** A field as `encoding/json` finds it: the exact key, else one equal ignoring case. */
function field(o: Obj, name: string): unknown {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  const key = Object.keys(o).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : o[key];
}

/** The behavior the annotation holds, or undefined when it is the zero behavior (which conversion ignores). */
export function behaviorFromGoFields(value: unknown): Obj | undefined {
  if (!isObj(value)) return undefined;
  const rules = (r: unknown): Obj | undefined => {
    if (!isObj(r)) return undefined;
    const policies = field(r, 'Policies');
    const stabilization = field(r, 'StabilizationWindowSeconds');
    const select = field(r, 'SelectPolicy');
    return {
      stabilizationWindowSeconds: stabilization ?? undefined,
      selectPolicy: select ?? undefined,
      policies: Array.isArray(policies) ? policies.map((p) => ({ type: field(obj(p), 'Type') ?? '', value: field(obj(p), 'Value') ?? 0, periodSeconds: field(obj(p), 'PeriodSeconds') ?? 0 })) : undefined,
    };
  };
  const scaleUp = rules(field(value, 'ScaleUp'));
  const scaleDown = rules(field(value, 'ScaleDown'));
  if (!scaleUp && !scaleDown) return undefined;
  return { scaleUp, scaleDown };
}

/** A value without its unset (`undefined`) fields, at every depth: what decoding the JSON would give. */
export function pruned<T>(value: T): T {
  if (Array.isArray(value)) return value.map(pruned) as T;
  if (!isObj(value)) return value;
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = pruned(v);
  return out as T;
}

/** `json.Marshal` of a value built in struct order: unset fields left out, HTML characters escaped as Go does. */
export function goMarshal(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
