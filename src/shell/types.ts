import type { Cluster, ShellHandle } from '../sim/k8s/index';
import type { Swarm } from '../sim/swarm/index';
import type { Job } from './jobs';
import type { LocalPorts } from './localPorts';
import type { Kubeconfig } from './kubectl/kubeconfig';
import type { ShellVariables } from './variables';
import type { Workspace } from './files/workspace';

/**
 * The terminal's interpreter contract. The same shell runs in the browser
 * terminal, in the headless CLI (`npm run play`) and in tests, so they print
 * the same bytes.
 */

/** Where `kubectl apply -f PATH` reads files: editor tabs in the browser, disk in the CLI. */
export interface FileSource {
  /** File contents, or undefined when there is no such file. */
  read(path: string): string | undefined;
  /** For a directory: the paths of the files directly inside it (undefined when not a directory). */
  list?(path: string): string[] | undefined;
  /**
   * Sets a file's contents, creating it (`> file`, `>> file`): an error as
   * bash words it (`pods.txt: File too large`), or undefined. Absent: the
   * host keeps no files a command may write.
   */
  write?(path: string, text: string): string | undefined;
  /** Removes a file (`rm`): an error as `rm` words it after the path, or undefined. Absent: files cannot be removed. */
  remove?(path: string): string | undefined;
  /** Renames a file (`mv`), keeping its place (the editor's tab): an error, or undefined. Absent: a move is a copy and a removal. */
  rename?(from: string, to: string): string | undefined;
  /** The absolute path a path names (`/home/learner/base`), from the working folder; absent: the host does not know. */
  absolute?(path: string): string;
  /** Every file's path, for the folders they make (`ls`, `cd base`). Absent: folders are known only through `list`. */
  paths?(): string[];
}

/** Receives output as it is produced. Each chunk may hold several lines; lines end with `\n`. */
export interface OutputSink {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Whether what reads the output has gone (`| head -3` has its lines): a
   * writer that loops stops, as SIGPIPE stops it. Absent: never.
   */
  closed?(): boolean;
}

/**
 * A running command. Most finish during `run` (done is true at once).
 * Commands that wait in real kubectl (`rollout status`, `wait`, `delete`
 * waiting for removal, `get -w`, the `sleep` builtin) stay running: they
 * follow the cluster through watch events and `poll()`, and the host keeps
 * virtual time moving until `done` (the CLI advances time itself; the
 * browser lets the clock run at the chosen speed).
 */
export interface Execution {
  readonly done: boolean;
  /** Exit status once done (0 success, 1 error, as kubectl). */
  readonly exitCode: number | undefined;
  /** Virtual time by which the command will have finished (its timeout), if it has one. */
  readonly deadline: number | undefined;
  /**
   * Virtual time at which the command next wants to be polled even if the
   * cluster stays idle (a retry, e.g. drain re-trying an eviction every 5s).
   */
  readonly wakeAt?: number;
  /**
   * `kubectl exec -it POD -- sh`: an interactive shell opened in a
   * container. The shell's next lines run in it (`Shell.prompt` shows its
   * prompt) until it exits or its container stops.
   */
  readonly attach?: ShellHandle;
  /**
   * What ends the attached shell's session when it exits (with its status,
   * or 137 when its container stopped under it): the status the session
   * ends with. Without it, kubectl exec's `command terminated with exit code N`.
   */
  readonly detach?: (code: number, sink: OutputSink) => number;
  /** Re-checks the cluster after time moved; returns `done`. */
  poll(): boolean;
  /** Ctrl+C: stops waiting (kubectl prints nothing more; exit status 130). */
  cancel(): void;
}

export interface ShellEnvironment {
  cluster: Cluster;
  files: FileSource;
  /**
   * For long work done inside a command (`kubeplay clock settle`): whether
   * to hand control back to the host now and go on at the next poll (the
   * browser: this frame's time is spent). Absent: never (the CLI runs it to
   * the end in one go).
   */
  shouldYield?: () => boolean;
  /**
   * Asked before each command runs, with its words as expanded (and its
   * piped input): a refusal, printed instead of running it (status 1), or
   * undefined. A replayed link's bounds (`session/bounds.ts`) use it for
   * what only running the line reveals (`--replicas=$N`, a manifest piped in).
   */
  guard?: (words: readonly string[], stdin: string | undefined) => string | undefined;
  /**
   * An interactive shell (the page's terminal, and a link's replay of it):
   * background jobs report their start (`[1] 1001`) and end (`[1]+  Done …`).
   * Absent: a script's shell (the CLI), which reports neither.
   */
  interactive?: boolean;
  /** The learner's machine's ports (`kubectl port-forward`, `curl localhost:PORT`); the shell makes its own when absent. */
  localPorts?: LocalPorts;
  /** The learner's kubeconfig (`kubectl config`, the namespace of the current context); the shell makes its own when absent. */
  kubeconfig?: Kubeconfig;
  /** The folders over `files` and the working folder (`cd`, `ls`, `mkdir`); the shell makes its own, and its `files` read from the working folder. */
  workspace?: Workspace;
}

export interface Shell {
  /**
   * Runs one command line, writing its output to `sink`. Never throws for
   * bad input. While a container's shell is open (`kubectl exec -it`), a
   * line typed at the prompt goes to it; one a button issued (`ui`) does not.
   */
  run(line: string, sink: OutputSink, options?: { source?: 'prompt' | 'ui' }): Execution;
  /** Tab completion candidates for the word at the cursor. */
  complete(line: string, cursor: number): string[];
  /** The namespace kubectl works in without `-n`: the current context's (`kubectl config set-context --current --namespace=…`). */
  namespace?(): string;
  /**
   * Its prompt: `$ ` (undefined) in the home folder, `~/base $ ` in another
   * folder, or while a `kubectl exec -it … -- sh` is open, the container
   * shell's (`root@web:/# `, `/ # `).
   */
  prompt?(): string | undefined;
  /** Its variables (`POD=…`): a replayed link's shell hands them to the page's (`ShellVariables.copyFrom`). */
  readonly variables?: ShellVariables;
  /** Its working folder and the folders it made: a replayed link's shell hands them to the page's (`Workspace.copyFrom`). */
  readonly workspace?: Workspace;
  /** Its background jobs still running (`COMMAND &`): the host polls their executions as it polls the command in the foreground. */
  jobs?(): readonly Job[];
  /** The swarm its `docker` commands reach, once one of them has made it (a lesson's swarm questions read it). */
  swarm?(): Swarm | undefined;
}
