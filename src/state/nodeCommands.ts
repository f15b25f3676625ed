/**
 * The command lines the cluster-shape controls issue, built as a person
 * would type them (so the transcript reads naturally and replays exactly).
 */

/** What the "Add node" dialog collects; empty fields are left out of the command. */
export interface NodeForm {
  name?: string;
  cpu?: string;
  memory?: string;
  zone?: string;
  /** `k=v` items, separated by commas, spaces or new lines. */
  labels?: string;
  /** `k=v:Effect` items, separated likewise. */
  taints?: string;
}

/** A word as the shell reads it back: bare when safe, else in single quotes. */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_./:=@%+,-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Splits a list field (`a=b, c=d` or one per line) into items. */
export function listItems(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * `kubeplay node add [NAME] [--cpu C] [--memory M] [--zone Z] [--label K=V]… [--taint K=V:E]…`.
 * @example nodeAddCommand({ name: 'worker-4', zone: 'zone-b' }) // 'kubeplay node add worker-4 --zone zone-b'
 */
export function nodeAddCommand(form: NodeForm): string {
  const words = ['kubeplay', 'node', 'add'];
  const name = form.name?.trim();
  if (name) words.push(shellWord(name));
  const flag = (f: string, v: string | undefined) => {
    const t = v?.trim();
    if (t) words.push(`--${f}`, shellWord(t));
  };
  flag('cpu', form.cpu);
  flag('memory', form.memory);
  flag('zone', form.zone);
  for (const l of listItems(form.labels)) words.push('--label', shellWord(l));
  for (const t of listItems(form.taints)) words.push('--taint', shellWord(t));
  return words.join(' ');
}

/** `kubeplay node set NAME --cpu C --memory M` (undefined when nothing is to change). */
export function nodeSetCommand(name: string, size: { cpu?: string; memory?: string }): string | undefined {
  const words = ['kubeplay', 'node', 'set', shellWord(name)];
  if (size.cpu?.trim()) words.push('--cpu', shellWord(size.cpu.trim()));
  if (size.memory?.trim()) words.push('--memory', shellWord(size.memory.trim()));
  return words.length > 4 ? words.join(' ') : undefined;
}

/**
 * `kubectl label node NAME K=V --overwrite`, or `K-` to remove a label.
 * @example nodeLabelCommand('worker-1', 'disk=ssd') // 'kubectl label node worker-1 disk=ssd --overwrite'
 */
export function nodeLabelCommand(name: string, change: string): string {
  const c = change.trim();
  return `kubectl label node ${shellWord(name)} ${shellWord(c)}${c.endsWith('-') ? '' : ' --overwrite'}`;
}

/** `kubectl taint node NAME K=V:EFFECT`, or `K:EFFECT-` to remove a taint. */
export function nodeTaintCommand(name: string, change: string): string {
  return `kubectl taint node ${shellWord(name)} ${shellWord(change.trim())}`;
}
