/** A line and its caret. */
export interface Caret {
  readonly value: string;
  readonly cursor: number;
}

/**
 * The readline keys a shell user expects with Ctrl: A (start of line),
 * E (end), U (delete before the caret), K (delete after it). Undefined for
 * other keys, which stay the browser's.
 * @example emacsKey('u', { value: 'kubectl get', cursor: 8 }) // { value: 'get', cursor: 0 }
 */
export function emacsKey(key: string, { value, cursor }: Caret): Caret | undefined {
  switch (key) {
    case 'a':
      return { value, cursor: 0 };
    case 'e':
      return { value, cursor: value.length };
    case 'u':
      return { value: value.slice(cursor), cursor: 0 };
    case 'k':
      return { value: value.slice(0, cursor), cursor };
    default:
      return undefined;
  }
}
