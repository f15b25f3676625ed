import { fieldErrorBody, fieldErrorString, type FieldError, type FieldErrorType } from './fieldErrors';

/**
 * API errors as `metav1.Status`, built the way `k8s.io/apimachinery/pkg/api/errors`
 * builds them, so kubectl can render them exactly as it renders real ones.
 */
export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'TooManyRequests'
  | 'InternalError'
  | 'Gone'
  | 'Timeout';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: StatusReason;
  details?: { name?: string; group?: string; kind?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}

/** A group + resource, e.g. `{group: 'apps', resource: 'deployments'}`. */
export interface GroupResource {
  group: string;
  resource: string;
}

/** `deployments.apps`, or `pods` for the core group. */
export function qualifiedResource(gr: GroupResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function status(code: number, reason: StatusReason, message: string, details?: Status['details']): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) s.details = details;
  return s;
}

/** `utilerrors.NewAggregate(errs).Error()`: one message bare, several as `[a, b]` (duplicates dropped). */
export function aggregateMessage(messages: readonly string[]): string {
  const seen = new Set<string>();
  const uniq = messages.filter((m) => (seen.has(m) ? false : (seen.add(m), true)));
  return uniq.length === 1 ? uniq[0] : `[${uniq.join(', ')}]`;
}

export const statusErrors = {
  notFound: (gr: GroupResource, name: string): Status =>
    status(404, 'NotFound', `${qualifiedResource(gr)} "${name}" not found`, { name, group: gr.group, kind: gr.resource }),
  alreadyExists: (gr: GroupResource, name: string): Status =>
    status(409, 'AlreadyExists', `${qualifiedResource(gr)} "${name}" already exists`, { name, group: gr.group, kind: gr.resource }),
  conflict: (gr: GroupResource, name: string, message: string): Status =>
    status(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(gr)} "${name}": ${message}`, { name, group: gr.group, kind: gr.resource }),
  /** 422: `Deployment.apps "web" is invalid: <errors>`. */
  invalid: (groupKind: { group: string; kind: string }, name: string, errs: readonly FieldError[]): Status => {
    const qualifiedKind = groupKind.group ? `${groupKind.kind}.${groupKind.group}` : groupKind.kind;
    return status(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${aggregateMessage(errs.map(fieldErrorString))}`, {
      name,
      group: groupKind.group,
      kind: groupKind.kind,
      causes: errs.map((e) => ({ reason: e.type as FieldErrorType, message: fieldErrorBody(e), field: e.field })),
    });
  },
  badRequest: (message: string, causes?: StatusCause[]): Status => status(400, 'BadRequest', message, causes ? { causes } : undefined),
  forbidden: (gr: GroupResource, name: string, message: string): Status =>
    status(403, 'Forbidden', name ? `${qualifiedResource(gr)} "${name}" is forbidden: ${message}` : `${qualifiedResource(gr)} is forbidden: ${message}`, name ? { name, group: gr.group, kind: gr.resource } : { group: gr.group, kind: gr.resource }),
  methodNotSupported: (gr: GroupResource, action: string): Status =>
    status(405, 'MethodNotAllowed', `${action} is not supported on resources of kind "${qualifiedResource(gr)}"`, { group: gr.group, kind: gr.resource }),
  tooManyRequests: (message: string, retryAfterSeconds: number, causes?: StatusCause[]): Status =>
    status(429, 'TooManyRequests', message, { retryAfterSeconds, ...(causes ? { causes } : {}) }),
  internal: (message: string): Status => status(500, 'InternalError', `Internal error occurred: ${message}`),
};

export type ApiResult<T> = { ok: true; object: T } | { ok: false; status: Status };

export function ok<T>(object: T): ApiResult<T> {
  return { ok: true, object };
}

export function fail<T = never>(s: Status): ApiResult<T> {
  return { ok: false, status: s };
}
