import type { ExplainData } from './explainTypes';

/**
 * The explain data, loaded on first use: a dynamic import, so the terminal's
 * chunk stays small and the ~130 KB (gzip) of API descriptions are fetched
 * only when someone runs `kubectl explain`.
 */
let data: ExplainData | undefined;
let loading: Promise<ExplainData> | undefined;
let failure: string | undefined;

/** Starts loading (once) and resolves with the data. */
export function loadExplainData(): Promise<ExplainData> {
  loading ??= import('./explainSchemas.json').then(
    (m) => {
      data = (m as { default: ExplainData }).default;
      return data;
    },
    (e: unknown) => {
      failure = e instanceof Error ? e.message : String(e);
      throw e;
    },
  );
  return loading;
}

/** The data if loaded, or undefined (then call loadExplainData and wait). */
export function explainDataNow(): ExplainData | undefined {
  return data;
}

/** Why loading failed, if it did. */
export function explainDataFailure(): string | undefined {
  return failure;
}
