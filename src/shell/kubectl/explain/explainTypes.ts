/**
 * The OpenAPI facts `kubectl explain` prints, per definition: a compact form
 * of the Kubernetes schema (see deriveExplainData.ts).
 */
export interface ExplainSchema {
  description?: string;
  /** `object`, `string`, `integer`, `boolean`, `number`, `array`, or `IntOrString` (int-or-string fields). */
  type?: string;
  /** A definition name (`ObjectMeta`, `Container~2`). */
  ref?: string;
  properties?: Record<string, ExplainSchema>;
  required?: string[];
  items?: ExplainSchema;
  additionalProperties?: ExplainSchema;
  enum?: unknown[];
}

export interface ExplainData {
  /** `apps/v1/Deployment` → its definition name. */
  kinds: Record<string, string>;
  definitions: Record<string, ExplainSchema>;
}
