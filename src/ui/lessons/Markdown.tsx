import { codeLines } from './codeLines';
import { useMemo, type ReactNode } from 'react';
import { parseInline, parseMarkdown, type Block, type Inline } from './markdown';

function inlines(nodes: readonly Inline[]): ReactNode[] {
  return nodes.map((n, k) => {
    switch (n.type) {
      case 'text':
        return n.text;
      case 'code':
        return <code key={k}>{n.text}</code>;
      case 'strong':
        return <strong key={k}>{inlines(n.children)}</strong>;
      case 'em':
        return <em key={k}>{inlines(n.children)}</em>;
      case 'link':
        return n.href.startsWith('#') ? (
          <a key={k} href={n.href}>
            {inlines(n.children)}
          </a>
        ) : (
          <a key={k} href={n.href} target="_blank" rel="noopener noreferrer">
            {inlines(n.children)}
          </a>
        );
      case 'break':
        return '\n';
    }
  });
}

function blocks(nodes: readonly Block[], headingBase: number): ReactNode[] {
  return nodes.map((b, k) => {
    switch (b.type) {
      case 'heading': {
        // Lesson headings sit under the step's own heading.
        const level = Math.min(6, b.level + headingBase - 1);
        const H = `h${level}` as 'h3';
        return <H key={k}>{inlines(b.children)}</H>;
      }
      case 'paragraph':
        return <p key={k}>{inlines(b.children)}</p>;
      case 'code':
        return (
          <pre key={k} className="md-code" data-lang={b.lang || undefined} tabIndex={0}>
            <code>
              {codeLines(b.text, b.lang).map((line, i) => (
                <span key={i} className={line.wraps ? 'md-line wraps' : 'md-line'}>
                  {line.text}
                  {'\n'}
                </span>
              ))}
            </code>
          </pre>
        );
      case 'quote':
        return <blockquote key={k}>{blocks(b.children, headingBase)}</blockquote>;
      case 'list': {
        const items = b.items.map((item, j) => <li key={j}>{blocks(item, headingBase)}</li>);
        return b.ordered ? (
          <ol key={k} start={b.start === 1 ? undefined : b.start}>
            {items}
          </ol>
        ) : (
          <ul key={k}>{items}</ul>
        );
      }
      case 'table':
        return (
          <div key={k} className="md-table" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  {b.head.map((cell, j) => (
                    <th key={j} scope="col" style={{ textAlign: b.align[j] }}>
                      {inlines(cell)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {b.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, j) => (
                      <td key={j} style={{ textAlign: b.align[j] }}>
                        {inlines(cell)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      case 'rule':
        return <hr key={k} />;
    }
  });
}

/**
 * Lesson Markdown as React elements (never as HTML: see `markdown.ts`).
 * `headingBase` is the level a `#` heading becomes (`###` and below inside a step).
 */
export function Markdown({ text, headingBase = 3 }: { text: string; headingBase?: number }) {
  const tree = useMemo(() => parseMarkdown(text), [text]);
  return <div className="markdown">{blocks(tree, headingBase)}</div>;
}

/** One line of inline Markdown (code spans, emphasis, links) as phrasing content. */
export function InlineMarkdown({ text }: { text: string }) {
  const nodes = useMemo(() => parseInline(text), [text]);
  return <>{inlines(nodes)}</>;
}
