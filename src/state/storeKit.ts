import type { StoreApi } from 'zustand/vanilla';
import type { OutputSink } from '../shell/types';
import type { AppState } from './appState';
import type { SimRuntime } from './simRuntime';
import type { Transcript } from './transcript';
import type { TerminalEvent } from './types';

/** What every slice's actions share: the runtime, the transcript and the terminal's event stream. */
export interface StoreKit {
  readonly runtime: SimRuntime;
  readonly transcript: Transcript;
  /** Writes to the transcript and the terminal at once. */
  readonly sink: OutputSink;
  emit(event: TerminalEvent): void;
  subscribe(listener: (event: TerminalEvent) => void): () => void;
  /** Pushes what changed (snapshot, transcript, busy, clock) into the store. */
  publish(forceSnapshot?: boolean): void;
}

export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];
