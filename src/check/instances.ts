/**
 * Container instances as the runtime reported them, per pod: for each start, the instance before it (its
 * exit, and the kill that preceded it), within the current sandbox. The restart, init-order, back-off and
 * probe checks read these. An instance the kubelet removed (`RestartAllContainers`) is gone from the runtime,
 * as in a new sandbox: the next start has none before it (`restart-all.ts` judges the removal itself).
 */
import type { KillReason } from '../events/index.js';
import type { Entry, PodHistory } from './observed.js';

export interface Instance {
  readonly containerID: string;
  readonly started: Entry;
  exit?: { readonly entry: Entry; readonly code: number };
  kill?: { readonly entry: Entry; readonly reason: KillReason };
}

/** A start of a new instance, with what the container did before it in the same sandbox. */
export interface Start {
  readonly container: string;
  readonly entry: Entry;
  /** The previous instance of the same container in this sandbox, if any. */
  readonly previous?: Instance;
  /** Every container's newest instance in this sandbox just before this start. */
  readonly others: ReadonlyMap<string, Instance>;
}

/** Every start of a new container instance in a pod's history, in order. */
export const startsOf = (h: PodHistory): Start[] => {
  const starts: Start[] = [];
  let current = new Map<string, Instance>();
  for (const { entry } of h.steps) {
    const e = entry.event;
    switch (e.type) {
      case 'SandboxCreated':
        current = new Map();
        break;
      case 'ContainerStarted': {
        const previous = current.get(e.container);
        if (previous?.containerID === e.containerID) break;
        starts.push({ container: e.container, entry, ...(previous === undefined ? {} : { previous }), others: new Map(current) });
        current.set(e.container, { containerID: e.containerID, started: entry });
        break;
      }
      case 'ContainerRemoved':
        if (current.get(e.container)?.containerID === e.containerID) current.delete(e.container);
        break;
      case 'ContainerExited':
      case 'ContainerKilling': {
        const instance = current.get(e.container);
        if (instance === undefined) break;
        if (e.type === 'ContainerExited') instance.exit ??= { entry, code: e.exitCode };
        else instance.kill ??= { entry, reason: e.reason };
        break;
      }
      default:
        break;
    }
  }
  return starts;
};

