import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './markdown';

describe('lesson Markdown', () => {
  it('reads code spans, strong, emphasis and links, with nothing inside code spans read as Markdown', () => {
    expect(parseInline('Press **Apply**, then `kubectl get **pods**` and *watch* [docs](https://kubernetes.io/docs/)')).toEqual([
      { type: 'text', text: 'Press ' },
      { type: 'strong', children: [{ type: 'text', text: 'Apply' }] },
      { type: 'text', text: ', then ' },
      { type: 'code', text: 'kubectl get **pods**' },
      { type: 'text', text: ' and ' },
      { type: 'em', children: [{ type: 'text', text: 'watch' }] },
      { type: 'text', text: ' ' },
      {
        type: 'link',
        href: 'https://kubernetes.io/docs/',
        children: [{ type: 'text', text: 'docs' }],
      },
    ]);
  });

  it('never makes a script link, and leaves HTML as text', () => {
    expect(parseInline('[click](javascript:alert(1)) <img src=x onerror=alert(1)>')).toEqual([
      { type: 'em', children: [{ type: 'text', text: 'click' }] },
      { type: 'text', text: ' <img src=x onerror=alert(1)>' },
    ]);
    expect(safeHref('JavaScript:alert(1)')).toBeUndefined();
    expect(safeHref('#step')).toBe('#step');
  });

  it('keeps snake_case words and lone stars as text', () => {
    expect(parseInline('max_surge and 2 * 3 and node_name')).toEqual([{ type: 'text', text: 'max_surge and 2 * 3 and node_name' }]);
  });

  it('reads headings, paragraphs joined across lines, fenced code with its language, quotes and rules', () => {
    expect(parseMarkdown('### Why\nOne line\nand the next.\n\n```sh\nkubectl get pods\n  -o wide\n```\n\n> A quote\n\n---')).toEqual([
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'Why' }] },
      {
        type: 'paragraph',
        children: [{ type: 'text', text: 'One line' }, { type: 'break' }, { type: 'text', text: 'and the next.' }],
      },
      { type: 'code', lang: 'sh', text: 'kubectl get pods\n  -o wide' },
      {
        type: 'quote',
        children: [{ type: 'paragraph', children: [{ type: 'text', text: 'A quote' }] }],
      },
      { type: 'rule' },
    ]);
  });

  it('reads bullet and numbered lists, with nested lists and continuation lines', () => {
    const blocks = parseMarkdown('- one\n  still one\n- two\n  - inner\n\n3. three\n4. four');
    expect(blocks[0]).toEqual({
      type: 'list',
      ordered: false,
      start: 1,
      items: [
        [
          {
            type: 'paragraph',
            children: [{ type: 'text', text: 'one' }, { type: 'break' }, { type: 'text', text: 'still one' }],
          },
        ],
        [
          { type: 'paragraph', children: [{ type: 'text', text: 'two' }] },
          {
            type: 'list',
            ordered: false,
            start: 1,
            items: [
              [
                {
                  type: 'paragraph',
                  children: [{ type: 'text', text: 'inner' }],
                },
              ],
            ],
          },
        ],
      ],
    });
    expect(blocks[1]).toMatchObject({
      type: 'list',
      ordered: true,
      start: 3,
      items: [[{ type: 'paragraph' }], [{ type: 'paragraph' }]],
    });
  });

  it('reads GFM tables with alignment, code spans holding bars, and short rows', () => {
    const [table] = parseMarkdown('| Kubernetes | Swarm |\n|:---|---:|\n| `a|b` | task |\n| Pod |');
    expect(table).toEqual({
      type: 'table',
      align: ['left', 'right'],
      head: [[{ type: 'text', text: 'Kubernetes' }], [{ type: 'text', text: 'Swarm' }]],
      rows: [
        [[{ type: 'code', text: 'a|b' }], [{ type: 'text', text: 'task' }]],
        [[{ type: 'text', text: 'Pod' }], []],
      ],
    });
  });
});
