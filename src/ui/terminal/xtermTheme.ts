import type { ITheme } from '@xterm/xterm';

/** xterm colors from the app's CSS tokens, so the terminal follows light and dark themes. */
export function xtermTheme(element: Element): ITheme {
  const css = getComputedStyle(element);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: v('--kp-term-bg', '#0f1318'),
    foreground: v('--kp-term-fg', '#e6e9ee'),
    cursor: v('--kp-term-cursor', '#6d98f2'),
    cursorAccent: v('--kp-term-bg', '#0f1318'),
    selectionBackground: v('--kp-term-selection', '#33507f'),
    black: v('--kp-term-black', '#1b2330'),
    red: v('--kp-term-red', '#f06a64'),
    green: v('--kp-term-green', '#3fb872'),
    yellow: v('--kp-term-yellow', '#e2a93b'),
    blue: v('--kp-term-blue', '#6d98f2'),
    magenta: v('--kp-term-magenta', '#c58af9'),
    cyan: v('--kp-term-cyan', '#4fc1d6'),
    white: v('--kp-term-white', '#e6e9ee'),
    brightBlack: v('--kp-term-bright-black', '#7d8896'),
  };
}

export const TERMINAL_FONT = '"JetBrains Mono", "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace';
