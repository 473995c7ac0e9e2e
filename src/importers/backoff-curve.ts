/**
 * The kubelet's restart back-off curve (`k8s-semantics.md` d; `kuberuntime_manager.go :: doBackOff`, client-go
 * `flowcontrol.Backoff :: Next, IsInBackOffSince`): the first restart is immediate, then each waits 10 s,
 * 20 s, 40 s, ... at most 300 s, counted from the exit; a run longer than 10 minutes since the last back-off
 * step expires the entry, so the next restart is immediate again and the curve starts over.
 */
export const INITIAL_BACKOFF_SECONDS = 10;
export const MAX_BACKOFF_SECONDS = 300;
/** `finishedAt - lastBackoffStep` beyond which the kubelet resets the entry. */
export const BACKOFF_RESET_MS = 600_000;

export interface CurveStep {
  /** The wait between the exit and the restart. */
  readonly delaySeconds: number;
  /** Back-off steps taken since the last reset, after this restart. */
  readonly steps: number;
}

/** The restart after a run of `ranMs`, when `steps` back-off steps were taken since the last reset. */
export const restartStep = (steps: number, ranMs: number): CurveStep =>
  steps === 0 || ranMs > BACKOFF_RESET_MS
    ? { delaySeconds: 0, steps: 1 }
    : { delaySeconds: Math.min(INITIAL_BACKOFF_SECONDS * 2 ** (steps - 1), MAX_BACKOFF_SECONDS), steps: steps + 1 };
