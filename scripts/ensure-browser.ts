/**
 * Makes sure Playwright has a Chromium to drive, and says which:
 *   1. a binary named by KUBEPLAY_CHROMIUM or PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
 *   2. the system's Chromium (/usr/bin/chromium);
 *   3. on Debian as root: `apt-get install -y chromium` (non-interactive);
 *   4. elsewhere: Playwright's own browser (`npx playwright install chromium`).
 * Exits non-zero when none could be had.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BROWSER_ENV_VARS, findChromium } from './browserPath';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  return result.status === 0;
}

function version(path: string): string {
  const result = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return (result.stdout ?? '').trim().split('\n').pop() ?? '';
}

function report(found: { path: string; source: string }): void {
  const from = found.source === 'system' ? 'the system package' : `$${found.source}`;
  const v = version(found.path);
  console.log(`ensure-browser: using ${found.path} (${from})${v ? `: ${v}` : ''}`);
}

function isDebianRoot(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
}

function main(): number {
  for (const name of BROWSER_ENV_VARS) {
    const value = process.env[name];
    if (value && !findChromium({ [name]: value })) console.warn(`ensure-browser: $${name} is set to ${value}, which is not an executable file; ignoring it`);
  }
  const found = findChromium();
  if (found) {
    report(found);
    return 0;
  }
  if (isDebianRoot()) {
    console.log('ensure-browser: no Chromium found; installing Debian\'s chromium package (apt-get, non-interactive)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // Wait for a concurrent apt/dpkg run instead of failing on its lock.
    const lock = ['-o', 'DPkg::Lock::Timeout=600'];
    run('apt-get', [...lock, 'update', '-qq'], env);
    if (run('apt-get', [...lock, 'install', '-y', '-qq', 'chromium'], env)) {
      const installed = findChromium();
      if (installed) {
        report(installed);
        return 0;
      }
    }
    console.warn('ensure-browser: apt-get could not install chromium; trying Playwright\'s own browser');
  }
  console.log('ensure-browser: using Playwright\'s own Chromium (npx playwright install chromium)');
  if (run(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['playwright', 'install', 'chromium'])) return 0;
  console.error('ensure-browser: no Chromium available. Install one (Debian: apt-get install -y chromium) or set KUBEPLAY_CHROMIUM to its path.');
  return 1;
}

process.exit(main());
