import type * as Monaco from 'monaco-editor/editor';

/** A CSS color (any syntax the browser knows) as `#rrggbb` or `#rrggbbaa`, or undefined. */
function toHex(color: string, probe: HTMLElement): string | undefined {
  if (!color) return undefined;
  probe.style.color = '';
  probe.style.color = color;
  if (!probe.style.color) return undefined;
  const m = /rgba?\((\d+)[ ,]+(\d+)[ ,]+(\d+)(?:[ ,/]+([\d.]+%?))?\)/.exec(getComputedStyle(probe).color);
  if (!m) return undefined;
  const hex = (n: number) => Math.round(Math.max(0, Math.min(255, n))).toString(16).padStart(2, '0');
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return `#${hex(+m[1])}${hex(+m[2])}${hex(+m[3])}${alpha < 1 ? hex(alpha * 255) : ''}`;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The app's color tokens now (light or dark, whichever the page shows). */
function readTokens(element: HTMLElement): Record<string, string> {
  const css = getComputedStyle(element);
  const probe = document.createElement('span');
  probe.style.display = 'none';
  element.appendChild(probe);
  const out: Record<string, string> = {};
  try {
    for (const name of ['surface', 'surface-2', 'border', 'border-strong', 'text', 'muted', 'accent', 'danger', 'warn', 'ok', 'term-selection', 'term-green', 'term-blue', 'term-magenta', 'term-cyan', 'term-yellow', 'term-red']) {
      const hex = toHex(css.getPropertyValue(`--kp-${name}`).trim(), probe);
      if (hex) out[name] = hex;
    }
  } finally {
    probe.remove();
  }
  return out;
}

const strip = (hex: string) => hex.slice(1, 7);

/**
 * Defines the `kubeplay` Monaco theme from the app's CSS tokens as they are
 * now, on the light or dark base to match, and returns its name. Call it
 * again when the app's theme changes: the editor follows.
 */
export function defineAppTheme(monaco: typeof Monaco, element: HTMLElement = document.documentElement): string {
  const t = readTokens(element);
  const dark = t.surface ? luminance(t.surface) < 0.4 : window.matchMedia('(prefers-color-scheme: dark)').matches;
  const colors: Record<string, string> = {};
  const set = (key: string, token: string | undefined, alpha = '') => {
    if (token) colors[key] = `${token.slice(0, 7)}${alpha}`;
  };
  set('editor.background', t.surface);
  set('editor.foreground', t.text);
  set('editorGutter.background', t.surface);
  set('editorLineNumber.foreground', t.muted, 'b0');
  set('editorLineNumber.activeForeground', t.text);
  set('editorCursor.foreground', t.accent);
  set('editor.selectionBackground', t['term-selection']);
  set('editor.inactiveSelectionBackground', t['term-selection'], '99');
  set('editor.lineHighlightBackground', t['surface-2'], '99');
  set('editor.lineHighlightBorder', t['surface-2'], '00');
  set('editorIndentGuide.background1', t.border);
  set('editorIndentGuide.activeBackground1', t['border-strong']);
  set('editorWidget.background', t.surface);
  set('editorWidget.border', t.border);
  set('editorHoverWidget.background', t.surface);
  set('editorHoverWidget.border', t.border);
  set('editorSuggestWidget.background', t.surface);
  set('editorSuggestWidget.border', t.border);
  set('editorSuggestWidget.selectedBackground', t['term-selection']);
  set('editorSuggestWidget.highlightForeground', t.accent);
  set('editorError.foreground', t.danger);
  set('editorWarning.foreground', t.warn);
  set('editorOverviewRuler.errorForeground', t.danger);
  set('editorOverviewRuler.warningForeground', t.warn);
  set('editorMarkerNavigation.background', t.surface);
  set('focusBorder', t.accent);
  set('scrollbarSlider.background', t['border-strong'], '55');
  set('scrollbarSlider.hoverBackground', t['border-strong'], '88');
  set('scrollbarSlider.activeBackground', t['border-strong'], 'aa');
  set('editorStickyScroll.background', t.surface);
  set('editorStickyScrollHover.background', t['surface-2']);
  const rule = (token: string, color: string | undefined, fontStyle?: string): Monaco.editor.ITokenThemeRule[] => (color ? [{ token, foreground: strip(color), ...(fontStyle ? { fontStyle } : {}) }] : []);
  monaco.editor.defineTheme('kubeplay', {
    base: dark ? 'vs-dark' : 'vs',
    inherit: true,
    rules: [
      ...rule('type.yaml', t['term-blue']),
      ...rule('string.yaml', t['term-green']),
      ...rule('number.yaml', t['term-magenta']),
      ...rule('keyword.yaml', t['term-magenta']),
      ...rule('comment.yaml', t.muted, 'italic'),
      ...rule('operators.yaml', t.muted),
      ...rule('tag.yaml', t['term-cyan']),
      ...rule('namespace.yaml', t['term-cyan']),
    ],
    colors,
  });
  return 'kubeplay';
}

/**
 * Calls `onChange` when the page's theme may have changed: the system's
 * color scheme, or a theme class, attribute or style set on <html> or <body>.
 */
export function watchAppTheme(onChange: () => void): () => void {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', onChange);
  const observer = new MutationObserver(onChange);
  for (const el of [document.documentElement, document.body]) observer.observe(el, { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme'] });
  return () => {
    media.removeEventListener('change', onChange);
    observer.disconnect();
  };
}
