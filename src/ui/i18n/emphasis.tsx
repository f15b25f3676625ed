import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence with its emphasized part marked `<1>…</1>` (the translator places it
 * where the language wants it), as React nodes with that part in `<strong>`. Lighter than
 * react-i18next's `Trans`, whose HTML parser would weigh on the first chunk.
 */
export function withEmphasis(text: string): ReactNode {
  const parts = text.split(/<1>(.*?)<\/1>/s);
  return parts.map((part, i) => (i % 2 === 1 ? <strong key={i}>{part}</strong> : <Fragment key={i}>{part}</Fragment>));
}
