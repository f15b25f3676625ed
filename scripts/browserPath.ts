/**
 * Where Playwright finds Chromium. Shared by `ensure-browser.ts` (which may
 * install one) and `playwright.config.ts` (which launches it).
 */
import { accessSync, constants, existsSync } from 'node:fs';

/** Environment variables naming a Chromium binary, in order of preference. */
export const BROWSER_ENV_VARS = ['KUBEPLAY_CHROMIUM', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'] as const;

/** Where Debian (and derivatives) put the distribution's Chromium. */
export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

/** Flags that make Debian's Chromium behave in containers and CI (see shared/TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

export interface FoundBrowser {
  readonly path: string;
  /** Why this one: the variable that named it, or `system`. */
  readonly source: string;
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Chromium to use: a binary named by an environment variable, else the
 * system's. Undefined means "use Playwright's own browser".
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundBrowser | undefined {
  for (const name of BROWSER_ENV_VARS) {
    const path = env[name];
    if (path && existsSync(path) && executable(path)) return { path, source: name };
  }
  for (const path of SYSTEM_CHROMIUM) if (existsSync(path) && executable(path)) return { path, source: 'system' };
  return undefined;
}
