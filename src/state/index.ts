/**
 * The UI's only write path: the app store (slices + actions) and the sim
 * bridge behind it. `ui/` reads state with selectors and calls actions;
 * `main.tsx` builds the store with the real engine and shell.
 */
export type { AppState, ClockSlice, ClusterSlice, FilesSlice, LessonSlice, TerminalSlice } from './appState';
export { checkOf, quizOf, quizAnswered, findLesson, markOf, type ActiveLesson, type LessonCatalog, type LessonSources, type LessonStartOptions, type LessonStartResult, type QuizView } from './lessonSlice';
export { readSavedProgress, stepsDone, type LessonMark, type LessonProgress } from './lessonProgress';
export { createAppStore, type AppStore, type AppStoreOptions } from './appStore';
export { STARTER_FILES, TEMPLATES, type Template } from './starterFiles';
export { CLOSED_KEPT, fileNameProblem, selectActiveFile, selectClosedFiles, selectFileDiagnostics, selectFileOrder, type ClosedFile } from './filesSlice';
export type { FileDiagnostic } from './fileDiagnostics';
export { SPEEDS, VIEW_MODES } from './types';
// From its own module: the engine's entry (sim/k8s/index) is loaded lazily, and importing it here
// would put the whole engine in the first chunk.
export { KUBERNETES_VERSION } from '../sim/k8s/version';
export { parseClusterShape, describeNodes, MAX_URL_WORKERS } from './clusterShape';
export { welcomeLines, type WelcomeText } from './welcome';
export { nodeAddCommand, type NodeForm } from './nodeCommands';
export { STEP_COMMAND, SETTLE_COMMAND } from './clockSlice';
export type { TrafficFacts, ClusterSnapshot, CommandSource, EventRecord, InspectorData, LoggedCommand, ObjectRef, PodRef, SelectableKind, Speed, SwarmHost, SwarmSnapshot, TerminalEvent, ViewMode, WorldFactory } from './types';
export type { TranscriptLine } from './transcript';
export * from './selectors';
export type { SessionSlice, SwarmSlice } from './appState';
export type { LoadScenarioOptions, LoadScenarioResult, SessionOrigin } from './sessionSlice';
export type { LoggedCancel, LoggedLine } from './types';
export type { LessonStep, Scenario } from '../session/scenario';
export { commandLines } from './scenarioLog';
export type { HistorySlice, PastView, ForkRecord } from './historySlice';
export type { ScenariosSlice, AutosaveStatus } from './scenariosSlice';
export { selectRedoLine, selectTimeline, selectUndoLine, type TimelineMark, type TimelineView } from './historySelectors';
export type { KeyValueStorage, SavedScenarioInfo } from './scenarioShelf';
export { LONG_LINK_CHARS, SCENARIO_FILE_SUFFIX, type RealClusterExport, type ShareNotice, type ShareSlice, type SharedText } from './shareSlice';
export type { SwarmInspectorData, SwarmReading, SwarmRef } from './inspectSwarm';
export type { SwarmNodeAction } from './swarmSlice';
export { selectPairedPlan, type PairedRun } from './pairedSlice';
export { MAX_PAIRED_REPLICAS, nextImage, type PairedAction, type PairedActionType, type PairedPlan, type PairedReason } from './pairedActions';
export { VOTING_APP_K8S_FILE, VOTING_APP_STACK_FILE } from '../scenarios/votingApp';
