import { codeLines } from './codeLines';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseInline, parseMarkdown, type Block, type Inline } from './markdown';

/** Types text at the terminal's prompt (a line break at the end enters it). */
export type TypeInTerminal = (text: string) => void;

/** Code blocks whose lines are shell commands, one per line. */
const SHELL = new Set(['sh', 'bash']);
/** A part of a command the learner fills in: `kubectl delete pod <one of the names>`. */
const PLACEHOLDER = /<[^<>\s][^<>]*>/;

/**
 * A command line's button: Run types it at the terminal's prompt and enters it; a command with
 * a `<placeholder>` is put on the prompt instead (Edit), its placeholder selected, to be filled in.
 * `data-shows` tells a phone's layout the answer is in the terminal.
 */
function CommandButton({ command, type }: { command: string; type: TypeInTerminal }) {
  const { t } = useTranslation();
  const edit = PLACEHOLDER.test(command);
  const label = edit ? t('lessons.editCommand', { command }) : t('lessons.runCommand', { command });
  return (
    <button type="button" className={`md-run${edit ? ' md-edit' : ''}`} aria-label={label} title={label} data-shows="terminal" onClick={() => type(edit ? command : `${command}\n`)}>
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        {edit ? <path d="M10.5 2.5l3 3-7.5 7.5H3v-3z M9 4l3 3" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" /> : <path d="M4.5 2.5v11l9-5.5z" fill="currentColor" />}
      </svg>
    </button>
  );
}

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

function blocks(nodes: readonly Block[], headingBase: number, type?: TypeInTerminal): ReactNode[] {
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
              {codeLines(b.text, b.lang).map((line, i) => {
                const command = type && SHELL.has(b.lang) && line.text.trim() !== '' && !line.text.trimStart().startsWith('#') ? line.text.trim() : undefined;
                return command ? (
                  <span key={i} className={line.wraps ? 'md-line wraps runnable' : 'md-line runnable'}>
                    <span className="md-text">{line.text}</span>
                    <CommandButton command={command} type={type!} />
                    {'\n'}
                  </span>
                ) : (
                  <span key={i} className={line.wraps ? 'md-line wraps' : 'md-line'}>
                    {line.text}
                    {'\n'}
                  </span>
                );
              })}
            </code>
          </pre>
        );
      case 'quote':
        return <blockquote key={k}>{blocks(b.children, headingBase, type)}</blockquote>;
      case 'list': {
        const items = b.items.map((item, j) => <li key={j}>{blocks(item, headingBase, type)}</li>);
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
 * With `type`, each command of a shell code block has a button that types it in the terminal.
 */
export function Markdown({ text, headingBase = 3, type }: { text: string; headingBase?: number; type?: TypeInTerminal }) {
  const tree = useMemo(() => parseMarkdown(text), [text]);
  return <div className="markdown">{blocks(tree, headingBase, type)}</div>;
}

/** One line of inline Markdown (code spans, emphasis, links) as phrasing content. */
export function InlineMarkdown({ text }: { text: string }) {
  const nodes = useMemo(() => parseInline(text), [text]);
  return <>{inlines(nodes)}</>;
}
