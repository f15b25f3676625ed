/**
 * Headless playground: `npm run --silent play -- SCRIPT [--seed N] [--nodes N]
 * [--node-cpu C] [--node-memory M]`. Prints `$ <command>` and its output for
 * each line of SCRIPT; files given to `-f` are read relative to the script.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createCluster, type ClusterOptions } from '../sim/k8s/index';
import { preloadShellData } from '../shell/index';
import { diskFilesFor, withWrittenFiles } from './diskFiles';
import { runScript } from './runScript';

const USAGE = 'usage: npm run --silent play -- SCRIPT [--seed N] [--nodes N] [--node-cpu C] [--node-memory M]\n';

interface Parsed {
  script: string;
  options: ClusterOptions;
}

function parseArgs(argv: readonly string[]): Parsed | string {
  let script: string | undefined;
  const options: ClusterOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') ? (eq > 0 ? a.slice(2, eq) : a.slice(2)) : undefined;
    if (name === undefined) {
      if (script !== undefined) return `unexpected argument: ${a}`;
      script = a;
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) return `flag needs a value: --${name}`;
    switch (name) {
      case 'seed':
      case 'nodes': {
        if (!/^\d+$/.test(value)) return `--${name} must be a whole number, got "${value}"`;
        if (name === 'seed') options.seed = Number(value);
        else options.workers = Number(value);
        break;
      }
      case 'node-cpu':
        options.nodeCpu = value;
        break;
      case 'node-memory':
        options.nodeMemory = value;
        break;
      default:
        return `unknown flag: --${name}`;
    }
  }
  if (script === undefined) return 'missing SCRIPT';
  return { script, options };
}

function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`play: ${parsed}\n${USAGE}`);
    return 2;
  }
  const path = resolve(parsed.script);
  if (!existsSync(path) || !statSync(path).isFile()) {
    process.stderr.write(`play: cannot read script "${parsed.script}"\n`);
    return 2;
  }
  const text = readFileSync(path, 'utf8');
  let cluster;
  try {
    cluster = createCluster(parsed.options);
  } catch (e) {
    process.stderr.write(`play: cannot create the cluster: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  runScript(text, { cluster, files: withWrittenFiles(diskFilesFor(dirname(path)), dirname(path)), write: (t) => process.stdout.write(t) });
  return 0;
}

// Data the shell loads lazily in the browser (kubectl explain's API descriptions) is loaded up front: scripts run synchronously.
await preloadShellData();
process.exitCode = main(process.argv.slice(2));
