/**
 * "Run on a real cluster": a scenario as a `kind` cluster config with the
 * same node layout, and a bash script that writes the files and runs the
 * command log with the real kubectl. Playground-only commands become
 * commented instructions with their real-world equivalent.
 */
import { joinerAfter, reservedPrefix } from '../shell/compound';
import { expands, tokenize } from '../shell/index';
import { endsShell, interactiveShell, redirectsText, runnable, safeExpansion, sh } from './exportWords';
import type { Scenario } from './scenario';

export interface KindExport {
  /** kind.x-k8s.io/v1alpha4 Cluster config (`kind create cluster --config kind.yaml`). */
  config: string;
  /** bash script for the real kubectl. */
  script: string;
}

interface KindNode {
  playground: string;
  kind: string;
  labels: [string, string][];
  taints: { key: string; value?: string; effect: string }[];
}

/** kind names its node containers `NAME-control-plane`, `NAME-worker`, `NAME-worker2`, …. */
function kindWorkerName(cluster: string, n: number): string {
  return n === 1 ? `${cluster}-worker` : `${cluster}-worker${n}`;
}


function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** The workers: the starting ones, then each `kubeplay node add` with its labels and taints. */
function kindNodes(scenario: Scenario, cluster: string): KindNode[] {
  const nodes: KindNode[] = [];
  const workers = scenario.cluster.workers ?? 3;
  for (let i = 1; i <= workers; i++) nodes.push({ playground: `worker-${i}`, kind: kindWorkerName(cluster, i), labels: [], taints: [] });
  for (const entry of scenario.log) {
    if (!('line' in entry)) continue;
    const w = tokenize(entry.line).words;
    if (w[0] !== 'kubeplay' || w[1] !== 'node' || w[2] !== 'add') continue;
    const node: KindNode = { playground: '', kind: kindWorkerName(cluster, nodes.length + 1), labels: [], taints: [] };
    for (let i = 3; i < w.length; i++) {
      const value = w[i].includes('=') && w[i].startsWith('--') ? w[i].slice(w[i].indexOf('=') + 1) : w[i + 1];
      const flag = w[i].startsWith('--') ? w[i].split('=')[0] : undefined;
      if (flag === undefined) node.playground = w[i];
      else {
        if (!w[i].includes('=')) i++;
        if (value === undefined) continue;
        if (flag === '--label' && value.includes('=')) node.labels.push([value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)]);
        if (flag === '--zone') node.labels.push(['topology.kubernetes.io/zone', value]);
        const t = flag === '--taint' ? /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(value) : null;
        if (t) node.taints.push(t[2] === undefined ? { key: t[1], effect: t[3] } : { key: t[1], value: t[2], effect: t[3] });
      }
    }
    node.playground ||= `worker-${nodes.length + 1}`;
    nodes.push(node);
  }
  return nodes;
}

function configText(scenario: Scenario, cluster: string, nodes: readonly KindNode[]): string {
  const out = [
    '# kind cluster reproducing the playground\'s node layout: kind create cluster --config kind.yaml',
    `# Node sizes are not reproduced (kind nodes share the host's CPU and memory; the playground's were ${scenario.cluster.nodeCpu ?? '4'} CPU, ${scenario.cluster.nodeMemory ?? '8Gi'}).`,
    'kind: Cluster',
    'apiVersion: kind.x-k8s.io/v1alpha4',
    `name: ${cluster}`,
    'nodes:',
    '  - role: control-plane',
    '    image: kindest/node:v1.32.2',
  ];
  for (const n of nodes) {
    out.push(`  # playground node ${n.playground} -> ${n.kind}`, '  - role: worker', '    image: kindest/node:v1.32.2');
    if (n.labels.length) out.push('    labels:', ...n.labels.map(([k, v]) => `      ${yamlString(k)}: ${yamlString(v)}`));
    if (n.taints.length) {
      out.push('    kubeadmConfigPatches:', '      - |', '        kind: JoinConfiguration', '        nodeRegistration:', '          taints:');
      for (const t of n.taints) {
        out.push(`            - key: ${yamlString(t.key)}`);
        if (t.value !== undefined) out.push(`              value: ${yamlString(t.value)}`);
        out.push(`              effect: ${t.effect}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/** The real-world equivalent of a playground-only command, as comment lines. */
function playgroundOnly(words: readonly string[], node: (n: string) => string): string[] {
  const [, a, b, c] = words;
  if (a === 'node' && b === 'stop' && c) return [`docker stop ${sh(node(c))}   # the node's machine powers off`];
  if (a === 'node' && b === 'start' && c) return [`docker start ${sh(node(c))}`];
  if (a === 'node' && b === 'add') return ['(this worker is in kind.yaml from the start: kind cannot add nodes to a running cluster)'];
  if (a === 'node' && b === 'remove' && c) return [`kubectl delete node ${sh(node(c))} && docker stop ${sh(node(c))}`];
  if (a === 'node' && b === 'set') return ['(kind nodes cannot be resized: they share the host\'s CPU and memory)'];
  if (a === 'container' && b === 'crash' && c) return [`kubectl exec ${sh(c)} -- kill 1   # the container's main process exits (needs a kill binary in the image)`];
  if (a === 'traffic') return [`kubectl run load --rm -i --image=busybox --restart=Never -- sh -c 'while true; do wget -q -O- http://${b ?? 'SERVICE'}; done'`];
  if (a === 'clock' && b === 'step') return [`sleep ${c ?? '1s'}   # real time passes on its own`];
  if (a === 'clock' && b === 'settle') return ['(wait until the cluster is calm, e.g. kubectl wait --for=condition=Available deployment --all --timeout=10m)'];
  if (a === 'addon') return ['(install the add-on with its upstream manifests, e.g. metrics-server or ingress-nginx for kind)'];
  return ['(playground only; no real-world equivalent)'];
}

/** The heredoc delimiter: one that appears in no line of the content. */
function delimiter(content: string): string {
  let d = 'KUBEPLAY_EOF';
  while (content.split('\n').includes(d)) d += '_';
  return d;
}

/** Shell lines that write a file (a heredoc whose delimiter the content never holds). */
function writeFile(name: string, content: string, comment?: string): string[] {
  const d = delimiter(content);
  const dir = name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '';
  return [...(comment ? [comment] : []), ...(dir ? [`mkdir -p ${sh(dir)}`] : []), `cat > ${sh(name)} <<'${d}'`, content.endsWith('\n') ? content.slice(0, -1) : content, d];
}

/**
 * The scenario as a kind config and a kubectl script.
 * @example exportToKind(scenario).config // 'kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\n…'
 */
export function exportToKind(scenario: Scenario, cluster = 'kubeplay'): KindExport {
  const nodes = kindNodes(scenario, cluster);
  const names = new Map<string, string>([['control-plane', `${cluster}-control-plane`], ...nodes.map((n): [string, string] => [n.playground, n.kind])]);
  const node = (n: string) => names.get(n.replace(/^nodes?\//, '')) ?? n;
  const out = [
    '#!/usr/bin/env bash',
    '# The playground session for a real cluster: kind create cluster --config kind.yaml, then run this script.',
    '# Commands that failed in the playground fail here too, so the script does not stop on errors.',
    `kubectl config use-context kind-${cluster}`,
    '',
  ];
  for (const f of scenario.files) out.push(...writeFile(f.name, f.content));
  out.push('');
  let edited = false;
  /** The log entries typed into an interactive shell: they go to the script with the command that opened it. */
  const inShell = new Set<number>();
  for (const [index, entry] of scenario.log.entries()) {
    if (inShell.has(index)) continue;
    if ('file' in entry) {
      edited = true;
      out.push(...(entry.content === undefined ? [`rm -f ${sh(entry.file)}`] : writeFile(entry.file, entry.content, '# the file as it was then (edited later in the playground)')));
      continue;
    }
    if (!('line' in entry)) {
      out.push(`# (Ctrl+C: stopped the ${entry.cancel === 'settle' ? 'fast-forward' : 'waiting command'})`);
      continue;
    }
    const t = tokenize(entry.line);
    const { words, stages, parts, raw, list, redirects } = t;
    // A loop's or an if's reserved words go as typed; the commands after them are checked as any other (a `for` header's words are its list).
    const prefix = stages.map((_, s) => reservedPrefix(t, s));
    const lead = (s: number) => (prefix[s].forHeader ? Math.min(prefix[s].skip + 2, raw[s].length) : prefix[s].skip);
    const session = entry.source === 'ui' ? undefined : interactiveShell(words);
    if (session) {
      // `kubectl exec -it POD -- sh` and the lines typed into it: a script cannot type, so the shell reads them from a here-document.
      const lines: string[] = [];
      for (let k = index + 1; k < scenario.log.length; k++) {
        const e = scenario.log[k];
        if (!('line' in e) || e.source === 'ui') continue;
        inShell.add(k);
        lines.push(e.line);
        if (endsShell(e.line)) break;
      }
      let delimiter = 'KUBEPLAY_SHELL';
      while (lines.some((l) => l.split('\n').includes(delimiter))) delimiter += '_';
      out.push(`# an interactive shell (${entry.line.replace(/\n/g, ' ')}): the lines typed into it`, `${session.map((w) => sh(node(w))).join(' ')} <<'${delimiter}'`, ...lines, delimiter);
      continue;
    }
    if (words[0] === 'kubeplay') {
      out.push(`# playground: ${entry.line.replace(/\n/g, ' ')}`, ...playgroundOnly(words, node).map((l) => `#   ${l}`));
      continue;
    }
    if (words[0] === 'clear' || words[0] === 'help') continue;
    if (words[0] === 'fg' || words[0] === 'bg') {
      // A script has no job control: it waits for the job instead of taking it into the foreground.
      out.push(words[0] === 'fg' ? `wait ${words.slice(1).map(sh).join(' ')}`.trimEnd() + `   # ${entry.line}: a script has no job control` : `# (${entry.line}: the job already runs in the background)`);
      continue;
    }
    const io = redirects.map(redirectsText);
    if (!stages.every((stage, s) => (prefix[s].forHeader || runnable(stage.slice(prefix[s].skip), parts[s].slice(prefix[s].skip))) && io[s] !== undefined)) {
      out.push(`# (not run: ${entry.line.replace(/[\r\n]/g, ' ')} — a command the playground does not run)`);
      continue;
    }
    // A word with a safe expansion ($POD, $(kubectl …)) is bash's to expand: it goes as typed.
    const command = (s: number) => [...stages[s].map((w, j) => (j < lead(s) || (expands(parts[s][j]) && safeExpansion(parts[s][j])) ? raw[s][j] : sh(node(w)))), io[s]!.inline].filter((w) => w !== '').join(' ');
    const pipeline = (item: (typeof list)[number]) => stages.slice(item.start, item.end).map((_, k) => command(item.start + k)).join(' | ');
    const line = list.map((item) => `${pipeline(item)}${joinerAfter(t, item)}`).join('').trimEnd() + (t.background !== undefined ? ' &' : '');
    // Here-documents' lines come after the line whose commands read them.
    const real = [line, ...io.flatMap((r) => r!.bodies)].join('\n');
    const watches = words[0] === 'watch' || words.some((w) => w === '-w' || w === '--watch' || w.startsWith('--watch='));
    out.push(watches ? `timeout 30 ${real}   # a watch: stopped after 30s` : real);
  }
  if (edited) {
    out.push('', '# The files as the editor held them at the end');
    for (const f of scenario.files) out.push(...writeFile(f.name, f.content));
  }
  return { config: configText(scenario, cluster, nodes), script: `${out.join('\n')}\n` };
}
