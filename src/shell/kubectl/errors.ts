import { aggregateMessage, type Status } from '../../sim/k8s/index';

/**
 * kubectl's error values and how `cmdutil.CheckErr` prints them
 * (kubectl `pkg/cmd/util/helpers.go`: checkErr, StandardErrorMessage,
 * MultilineError, MultipleErrors), so every failure reads byte-for-byte
 * like the real tool's.
 */
export type KubectlError =
  /** An API status (`Error from server (NotFound): …`). */
  | { type: 'status'; status: Status }
  /** A plain error (`error: …` unless it already starts so). */
  | { type: 'message'; message: string }
  /** `meta.NoResourceMatchError` from the REST mapper. */
  | { type: 'noResourceMatch'; resource: string; group?: string; version?: string }
  /** `utilerrors.Aggregate`. */
  | { type: 'aggregate'; errors: KubectlError[] }
  /** `cmdutil.ErrExit`: exit 1 having printed nothing more. */
  | { type: 'exit' };

export const err = {
  status: (status: Status): KubectlError => ({ type: 'status', status }),
  message: (message: string): KubectlError => ({ type: 'message', message }),
  aggregate: (errors: KubectlError[]): KubectlError => ({ type: 'aggregate', errors }),
  exit: (): KubectlError => ({ type: 'exit' }),
  /** `cmdutil.UsageErrorf`: the message plus a pointer to the command's help. */
  usage: (commandPath: string, message: string): KubectlError => ({ type: 'message', message: `${message}\nSee '${commandPath} -h' for help and examples` }),
};

/** `cmdutil.AddSourceToErr`: prefixes `error when <verb> "<source>": ` keeping the status. */
export function addSourceToErr(verb: string, source: string, e: KubectlError): KubectlError {
  if (!source) return e;
  if (e.type === 'status') return { type: 'status', status: { ...e.status, message: `error when ${verb} "${source}": ${e.status.message}` } };
  return { type: 'message', message: `error when ${verb} "${source}": ${errorString(e)}` };
}

/** Go's `err.Error()` of the value. */
export function errorString(e: KubectlError): string {
  switch (e.type) {
    case 'status':
      return e.status.message;
    case 'message':
      return e.message;
    case 'noResourceMatch':
      return `no matches for ${e.group ? `${e.group}/` : ''}, Resource=${e.resource}`;
    case 'aggregate':
      return e.errors.length === 0 ? '' : aggregateMessage(e.errors.map(errorString));
    case 'exit':
      return 'exit';
  }
}

/** `StandardErrorMessage`: the friendly form, or undefined when kubectl has none. */
function standardErrorMessage(e: KubectlError): string | undefined {
  if (e.type !== 'status') return undefined;
  const s = e.status;
  if ((s.reason as string) === 'Unauthorized') return `error: You must be logged in to the server (${s.message})`;
  if (s.reason) return `Error from server (${s.reason}): ${s.message}`;
  return `Error from server: ${s.message}`;
}

/** `messageForError`: the friendly form when there is one, else `err.Error()`. */
export function messageForError(e: KubectlError): string {
  return standardErrorMessage(e) ?? errorString(e);
}

/** `MultilineError(prefix, err)`: one line, or the prefix then `* …` per cause. */
export function multilineError(prefix: string, errors: readonly string[]): string {
  if (errors.length === 1) return `${prefix}${errors[0]}\n`;
  return `${prefix}\n${errors.map((m) => `* ${m}\n`).join('')}`;
}

/** The stderr text `cmdutil.CheckErr(e)` prints (always ending in a newline, or empty). */
export function checkErrText(input: KubectlError): string {
  let e = input;
  if (e.type === 'aggregate' && e.errors.length === 1) e = e.errors[0];
  const withNl = (s: string) => (s === '' || s.endsWith('\n') ? s : `${s}\n`);
  if (e.type === 'exit') return '';
  if (e.type === 'status' && e.status.reason === 'Invalid') {
    const details = e.status.details;
    let s = 'The request is invalid';
    if (!details) return withNl(s);
    if (details.kind || details.name) s = `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`;
    const causes = details.causes ?? [];
    if (causes.length === 0) return withNl(s);
    const seen = new Set<string>();
    const msgs: string[] = [];
    for (const c of causes) {
      const m = `${c.field ?? ''}: ${c.message ?? ''}`;
      if (!seen.has(m)) {
        seen.add(m);
        msgs.push(m);
      }
    }
    return multilineError(`${s}: `, msgs);
  }
  if (e.type === 'noResourceMatch') {
    if (e.group && e.version) return `error: the server doesn't have a resource type "${e.resource}" in group "${e.group}" and version "${e.version}"\n`;
    if (e.group) return `error: the server doesn't have a resource type "${e.resource}" in group "${e.group}"\n`;
    if (e.version) return `error: the server doesn't have a resource type "${e.resource}" in version "${e.version}"\n`;
    return `error: the server doesn't have a resource type "${e.resource}"\n`;
  }
  if (e.type === 'aggregate') return e.errors.map((x) => `${messageForError(x)}\n`).join('');
  const std = standardErrorMessage(e);
  if (std !== undefined) return withNl(std);
  const msg = errorString(e);
  return withNl(msg.startsWith('error: ') ? msg : `error: ${msg}`);
}
