import { finished } from '../execution';
import type { Execution, OutputSink, ShellEnvironment } from '../types';

/**
 * `kubeplay container crash POD [-c CONTAINER] [-n NAMESPACE]`: the
 * container's process exits with status 1 now, as an application crash
 * would; the kubelet then restarts it as restartPolicy says (and repeated
 * crashes reach CrashLoopBackOff with the real back-off).
 */
export function runContainerCrash(env: ShellEnvironment, args: readonly string[], sink: OutputSink): Execution {
  let namespace = 'default';
  let container: string | undefined;
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (flag: string) => (a.startsWith(`${flag}=`) ? a.slice(flag.length + 1) : args[++i]);
    if (a === '-c' || a === '--container' || a.startsWith('--container=')) container = value('--container');
    else if (a === '-n' || a === '--namespace' || a.startsWith('--namespace=')) namespace = value('--namespace');
    else rest.push(a);
  }
  if (rest.length !== 1 || rest[0].startsWith('-') || (container !== undefined && container === '')) {
    sink.stderr('kubeplay: usage: kubeplay container crash POD [-c CONTAINER] [-n NAMESPACE]\n');
    return finished(1);
  }
  const pod = rest[0].replace(/^pods?\//, '');
  const r = env.cluster.crashContainer(namespace, pod, container);
  if (!r.ok) {
    sink.stderr(`Error from server (${r.reason}): ${r.message}\n`);
    return finished(1);
  }
  sink.stdout(`pod/${pod} container ${r.container} crashed (exit code 1)\n`);
  return finished(0);
}
