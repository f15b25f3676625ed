import type { LessonStep, Scenario } from '../session/scenario';
import type { Execution, OutputSink } from '../shell/types';
import type { FilesSlice } from './filesSlice';
import type { ShareSlice } from './shareSlice';
import type { LessonSlice } from './lessonSlice';
import type { LoadScenarioOptions, LoadScenarioResult, SessionOrigin } from './sessionSlice';
import type { HistorySlice } from './historySlice';
import type { ScenariosSlice } from './scenariosSlice';
import type { PairedSlice } from './pairedSlice';
import type { NodeForm } from './nodeCommands';
import type { TrafficFacts, ClusterSnapshot, InspectorData, LoggedCommand, ObjectRef, PodRef, Speed, SwarmSnapshot, TerminalEvent, ViewMode } from './types';
import type { TranscriptLine } from './transcript';
import type { SwarmInspectorData, SwarmRef } from './inspectSwarm';
import type { SwarmNodeAction } from './swarmSlice';

/** The clock: how fast virtual time runs and what it reads. */
export interface ClockSlice {
  speed: Speed;
  /** The speed to return to when un-pausing. */
  resumeSpeed: Exclude<Speed, 0>;
  /** Virtual time, ms since the epoch, updated at least once per virtual second. */
  now: number;
  /** Virtual time at which the current cluster started. */
  startedAt: number;
  /** A fast-forward (`kubeplay clock settle`) is running. */
  settling: boolean;
  setSpeed(speed: Speed): void;
  togglePause(): void;
  /** Issues `kubeplay clock step`: virtual time moves on one second, even when paused. */
  step(): void;
  /** Issues `kubeplay clock settle`: fast-forward until nothing visible changes (capped). */
  settle(): void;
  /** Stops a running fast-forward (as Ctrl+C would stop it at the prompt). */
  stopSettle(): void;
}

/** The cluster as drawn, and what the learner selected in it. */
export interface ClusterSlice {
  /** The engine is still loading: there is no cluster yet (the snapshot is empty, commands wait). */
  booting: boolean;
  /** Why the cluster could not start (its code did not load), if so. */
  bootError: string | undefined;
  snapshot: ClusterSnapshot;
  /** Requests through Services lately (`kubeplay traffic`), refreshed a few times a second while they flow. */
  traffic: TrafficFacts;
  /** The selected object (pod, node, Deployment or Service): one at a time. */
  selection: ObjectRef | undefined;
  /** The selection when it is a pod (same object as `selection`). */
  selectedPod: PodRef | undefined;
  /** The selected node's name, when the selection is a node. */
  selectedNode: string | undefined;
  /** The selection's describe text, events and scheduling decision (refreshed by `refreshInspector`). */
  inspector: InspectorData | undefined;
  select(ref: ObjectRef | undefined): void;
  selectPod(pod: PodRef | undefined): void;
  selectNode(name: string | undefined): void;
  /** Reads the selection's details again (the inspector calls it as the cluster changes). */
  refreshInspector(): void;
  /** Issues `kubectl delete pod NAME --grace-period=0 --force` through the terminal. */
  killPod(pod: PodRef): void;
  /** Issues `kubeplay container crash NAME`: the pod's first container exits with an error. */
  crashContainer(pod: PodRef): void;
  /** `kubeplay node stop NAME` / `kubeplay node start NAME`: power a node off or on. */
  stopNode(name: string): void;
  startNode(name: string): void;
  /** `kubectl cordon NAME` / `kubectl uncordon NAME`. */
  cordonNode(name: string, cordon: boolean): void;
  /** `kubeplay node add …` from the Add node dialog's fields. */
  addNode(form: NodeForm): void;
  /** `kubeplay node remove NAME`. */
  removeNode(name: string): void;
  /** `kubeplay node set NAME --cpu C --memory M`. */
  resizeNode(name: string, size: { cpu?: string; memory?: string }): void;
  /** `kubectl label node NAME K=V --overwrite` (or `K-`). */
  labelNode(name: string, change: string): void;
  /** `kubectl taint node NAME K=V:EFFECT` (or `K:EFFECT-`). */
  taintNode(name: string, change: string): void;
  /** `kubectl drain NAME --ignore-daemonsets`: cordon, then evict its pods. */
  drainNode(name: string): void;
  /** `kubectl scale deployment NAME --replicas=N`. */
  scaleDeployment(ref: ObjectRef, replicas: number): void;
  /** `kubectl rollout restart deployment/NAME` / `kubectl rollout undo deployment/NAME`. */
  restartDeployment(ref: ObjectRef): void;
  undoDeployment(ref: ObjectRef): void;
  /** Starts again from a fresh default cluster (nothing to do while the first one is starting). */
  reset(): void;
}

/** Which cluster the page draws, and the swarm beside the cluster (see swarmSlice.ts). */
export interface SwarmSlice {
  /** Kubernetes (the default), Swarm, or both side by side. */
  viewMode: ViewMode;
  /** Switches the cluster area; showing the swarm makes the default swarm if there is none yet (as the first `docker` command does). */
  setViewMode(mode: ViewMode): void;
  /** The swarm beside the cluster, refreshed as it changes; undefined while there is none. */
  swarm: SwarmSnapshot | undefined;
  /** The swarm node, task or service selected in the Swarm view. */
  swarmSelection: SwarmRef | undefined;
  /** What the Swarm panel shows for it (docker's own printers), refreshed while it is open. */
  swarmInspector: SwarmInspectorData | undefined;
  selectSwarm(ref: SwarmRef | undefined): void;
  refreshSwarmInspector(): void;
  /** `kubeplay node stop|start NAME`, `docker node update --availability drain|active|pause NAME`, `docker node promote|demote NAME`. */
  swarmNodeAction(nodeId: string, action: SwarmNodeAction): void;
  /** `docker service scale NAME=N`. */
  scaleSwarmService(serviceId: string, replicas: number): void;
  /** `docker service rollback NAME`. */
  rollbackSwarmService(serviceId: string): void;
}

/** The terminal: transcript, history and the command log. */
export interface TerminalSlice {
  transcript: readonly TranscriptLine[];
  /** A command typed at the prompt is still running (the prompt waits for it). */
  busy: boolean;
  /** Lines typed at the prompt, oldest first. */
  history: readonly string[];
  /** Every command run this session, with its virtual time. */
  commandLog: readonly LoggedCommand[];
  /**
   * Runs a command line as if typed at the prompt (`prompt`) or issued by a button (`ui`);
   * `tap` also receives its output. Returns the running command (undefined for `clear` or a blank line).
   */
  runCommand(line: string, source?: 'prompt' | 'ui', tap?: OutputSink): Execution | undefined;
  /** Ctrl+C: stops the waiting command. */
  cancelCommand(): void;
  /** Ctrl+C on a line being edited: the line is abandoned, as in bash. */
  abandonLine(text: string): void;
  /** Ctrl+L / `clear`. */
  clearTerminal(): void;
  /**
   * Types `text` at the terminal's prompt, as if the learner had (a lesson's Run and Edit buttons):
   * a line ending in a line break is entered — at whatever prompt is open, a container shell's
   * included, and after the running command, as a shell's type-ahead — the rest stays on the prompt.
   */
  typeInTerminal(text: string): void;
  /** Writes shell-comment lines (`# …`) in the terminal, as they are: the welcome, once the interface's language is known. */
  noteInTerminal(lines: readonly string[]): void;
  /** Tab completion candidates for the word at the cursor. */
  complete(line: string, cursor: number): string[];
  /** Whether the lines typed so far leave the command open (a here-document, a quote, a last `|`, `&&` or `\`): the prompt asks for more with `> `. */
  needsMoreLines(text: string): boolean;
  /** The prompt for the next line: undefined for `$ `, or a container shell's open at the prompt (`kubectl exec -it POD -- sh`). */
  terminalPrompt(): string | undefined;
  /** Subscribes to what the terminal must draw; returns the unsubscribe function. */
  subscribeTerminal(listener: (event: TerminalEvent) => void): () => void;
}

/** The files and the editor's tabs: see filesSlice.ts. */
export type { FilesSlice, HistorySlice, ScenariosSlice };

/** The session as a scenario: capture and load (see sessionSlice.ts). */
export interface SessionSlice {
  /** The lesson step open now (the lesson panel sets it); scenarios carry it. */
  lessonStep: LessonStep | undefined;
  /** Where the session came from: begun here (`local`), or opened from a shared link or a file. Autosave keeps opened sessions apart from the learner's own work. */
  sessionOrigin: SessionOrigin;
  setLessonStep(step: LessonStep | undefined): void;
  /**
   * The current session as a scenario: the editor's files, the cluster's
   * starting shape and seed, the command log (with Ctrl+C and Stop) relative
   * to the cluster's start, the time now and the open lesson step. `history:
   * false` leaves out commands that only look (the same cluster, a shorter
   * log). Undefined while the cluster is starting.
   */
  captureScenario(options?: { history?: boolean }): Scenario | undefined;
  /**
   * Replays `scenario` into a fresh cluster and makes the page run on it: the
   * drawing, terminal (the replay's output), files, log and clock show the
   * replayed session and time goes on from there. On failure nothing changes.
   */
  loadScenario(scenario: Scenario, options?: LoadScenarioOptions): Promise<LoadScenarioResult>;
  /** A replay that takes more than one slice of real time: commands replayed so far, of how many (the page shows a progress bar). */
  replayProgress: { readonly done: number; readonly total: number } | undefined;
  /**
   * Set while `loadScenario` runs: commands issued meanwhile wait for it and
   * then run on the loaded cluster (a replay would otherwise replace the
   * cluster and the log they went into).
   */
  scenarioLoading: Promise<void> | undefined;
}

export type { ShareSlice };

/** The lessons: see lessonSlice.ts. */
export type { LessonSlice };

export type AppState = ClockSlice & ClusterSlice & TerminalSlice & FilesSlice & SessionSlice & HistorySlice & ScenariosSlice & ShareSlice & LessonSlice & SwarmSlice & PairedSlice;

/** One action on both clusters (side by side): see pairedSlice.ts. */
export type { PairedSlice };
