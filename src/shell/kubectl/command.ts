import type { ApiClient, Cluster, UserInfo } from '../../sim/k8s/index';
import type { Execution, OutputSink, ShellEnvironment } from '../types';
import type { KubectlError } from './errors';
import type { FlagSpec, Flags } from './flags';

/**
 * One kubectl command: its place in the command tree, the help text copied
 * from real kubectl, its flags, and `run` (Flags → Options → Validate → Run).
 */
export interface CommandSpec {
  /** Words after `kubectl`: `['rollout', 'status']`. */
  path: readonly string[];
  /** cobra `Use` (the first word is the command name). */
  use: string;
  aliases?: readonly string[];
  short: string;
  /** Long description as printed (already normalized with `longDesc`). */
  long?: string;
  /** Examples as printed (already normalized with `examples`). */
  example?: string;
  /** cobra prints ` [flags]` in the usage line (the command does not set DisableFlagsInUseLine). */
  flagsInUseLine?: boolean;
  /** Local flags, in the order kubectl's help lists them (sorted by name). */
  flags: readonly FlagSpec[];
  /** Commands other spellings should suggest (cobra SuggestFor). */
  suggestFor?: readonly string[];
  /** Runs the command; absent for pure parents (`rollout`, `set`). */
  run?(ctx: CommandContext): CommandResult;
  /** Kinds of completion for positional arguments (`resource`, then object names; `node`). */
  /** What Tab offers for the arguments: resource types then names, nodes, pods by name first (exec, logs, debug …; `TYPE/` still works), or nothing. */
  completion?: 'resource' | 'node' | 'pod' | 'none';
}

/** An exit status, an error to print through checkErr, or a still-running Execution. */
export type CommandResult = number | KubectlError | Execution;

/** What a command's run sees. */
export interface CommandContext {
  readonly env: ShellEnvironment;
  readonly cluster: Cluster;
  readonly client: ApiClient;
  /** Who kubectl is to the API server: the kubeconfig's admin, or the user `--as` impersonates. */
  readonly user: UserInfo;
  readonly sink: OutputSink;
  readonly flags: Flags;
  readonly args: readonly string[];
  /** Index in args of the first argument after `--`, or -1. */
  readonly dashIndex: number;
  /** The namespace from `-n`, or `default`. */
  readonly namespace: string;
  /** Whether `-n` was given. */
  readonly explicitNamespace: boolean;
  /** `kubectl rollout status`, for usage errors. */
  readonly commandPath: string;
  /** The command as kubectl records it for `--record` (`kubectl set image … --record=true`). */
  readonly commandLine: string;
  /** Standard input when kubectl is in a pipeline (`… | kubectl apply -f -`); read once, as a stream is. Undefined: the terminal. */
  readonly stdin?: { text: string | undefined };
  out(text: string): void;
  errOut(text: string): void;
  /** This command's help text (for parents run without a subcommand). */
  help(): string;
}
