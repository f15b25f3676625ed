/**
 * Variable substitution in compose files as `docker stack deploy` does it
 * (docker/cli `compose/template` + `compose/interpolation`): `$VAR`,
 * `${VAR}`, `${VAR:-default}` (unset or empty), `${VAR-default}` (unset),
 * `${VAR:?message}` / `${VAR?message}` (required), `$$` for a literal `$`.
 * Only string values are substituted, never keys. `docker stack deploy`
 * reads no `.env` file: variables come from the client's environment only.
 */

/** Looks a variable up in the client's environment (undefined: unset). */
export type LookupEnv = (name: string) => string | undefined;

const PATTERN = /\$(?:(\$)|([_a-z][_a-z0-9]*)|\{([_a-z][_a-z0-9]*)(?:(:?[-?])([^}]*))?\}|())/gi;

class TemplateError extends Error {}

/** Substitutes one string; throws TemplateError with the CLI's wording. */
export function substitute(template: string, lookup: LookupEnv): string {
  let invalid = false;
  let missing: string | undefined;
  const out = template.replace(PATTERN, (_m, escaped: string | undefined, named: string | undefined, braced: string | undefined, op: string | undefined, arg: string | undefined) => {
    if (escaped) return '$';
    if (named) return lookup(named) ?? '';
    if (braced) {
      const v = lookup(braced);
      switch (op) {
        case ':-':
          return v === undefined || v === '' ? (arg ?? '') : v;
        case '-':
          return v === undefined ? (arg ?? '') : v;
        case ':?':
        case '?':
          if (v === undefined || (op === ':?' && v === '')) missing ??= arg ? `required variable ${braced} is missing a value: ${arg}` : `required variable ${braced} is missing a value`;
          return v ?? '';
        default:
          return v ?? '';
      }
    }
    invalid = true;
    return '';
  });
  if (invalid) throw new TemplateError(`invalid:${template}`);
  if (missing) throw new TemplateError(`missing:${missing}`);
  return out;
}

/** Go's `%#v` of a string (a double-quoted literal). */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * Substitutes every string value under `value` (a parsed compose file).
 * Returns the new value, or the CLI's error text.
 */
export function interpolate(value: unknown, lookup: LookupEnv, path = ''): { value: unknown } | { error: string } {
  if (typeof value === 'string') {
    try {
      return { value: substitute(value, lookup) };
    } catch (e) {
      const msg = (e as Error).message;
      if (msg.startsWith('invalid:')) return { error: `invalid interpolation format for ${path}: ${goQuote(msg.slice(8))}. You may need to escape any $ with another $.` };
      return { error: `error while interpolating ${path}: ${msg.slice(8)}` };
    }
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) {
      const r = interpolate(item, lookup, `${path}.[]`);
      if ('error' in r) return r;
      out.push(r.value);
    }
    return { value: out };
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = interpolate(v, lookup, path ? `${path}.${k}` : k);
      if ('error' in r) return r;
      out[k] = r.value;
    }
    return { value: out };
  }
  return { value };
}
