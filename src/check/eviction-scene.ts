/**
 * What the eviction manager saw when it evicted a pod: the pods then active on the node (`kubelet.go ::
 * GetActivePods` → `kubelet_pods.go :: filterOutInactivePods`: bound there and not done terminating, so one
 * being deleted, finished or past its active deadline counts while a container of it still runs), each with
 * the memory its running containers last reported. Running means
 * started by the runtime and not exited since, not the published status: the kubelet ranks with its own
 * stats (`eviction_manager.go :: synchronize`), and a container started after the last status sync
 * (PodSynced) already uses memory.
 */
import type { EventOf } from '../events/index.js';
import type { Candidate } from '../eviction/index.js';
import { parseQuantity, formatBytes } from '../k8s/quantity.js';
import type { PodState } from '../reducers/index.js';
import type { Entry, Observed } from './observed.js';
import { isTerminalPhase, phaseOfState } from './pod-views.js';

export interface EvictionScene {
  readonly entry: Entry & { readonly event: EventOf<'PodEvicted'> };
  readonly node: string;
  readonly evicted: Candidate;
  /** The other pods the manager could have chosen. */
  readonly others: readonly Candidate[];
}

const NANO = 1_000_000_000n;

const bytesOf = (quantity: string): bigint => (parseQuantity(quantity)?.nanos ?? 0n) / NANO;

/** The keys of the pod's containers the runtime says are running. */
const runningOf = (s: PodState, running: ReadonlySet<string>): string[] => {
  const prefix = `${s.pod.metadata.uid ?? ''}/`;
  return [...running].filter((key) => key.startsWith(prefix));
};

/** Sum of the last sampled working sets of the containers of `s` the runtime says are running. */
const usageOf = (s: PodState, samples: ReadonlyMap<string, string>, running: ReadonlySet<string>): string =>
  formatBytes(runningOf(s, running).reduce((sum, key) => sum + bytesOf(samples.get(key) ?? '0'), 0n));

/** Not done terminating (`IsPodKnownTerminated`): still running something, or neither leaving nor finished. */
const active = (s: PodState | undefined, node: string, running: ReadonlySet<string>): s is PodState =>
  s !== undefined &&
  s.pod.spec.nodeName === node &&
  (runningOf(s, running).length > 0 ||
    (s.pod.metadata.deletionTimestamp === undefined && s.kubelet.deadlineExceededAt === undefined && !isTerminalPhase(phaseOfState(s))));

/** Every eviction in the journal with the scene it happened in. */
export const evictionScenes = ({ entries, pods }: Observed): EvictionScene[] => {
  const order = new Map(entries.map((e, i) => [e, i]));
  const position = (e: Entry): number => order.get(e) ?? -1;
  const stateAt = (index: number) => (h: Observed['pods'][number]): PodState | undefined =>
    h.steps.filter((s) => position(s.entry) < index).at(-1)?.after;
  const scenes: EvictionScene[] = [];
  const samples = new Map<string, string>();
  const running = new Set<string>();
  entries.forEach((entry, index) => {
    const e = entry.event;
    if (e.type === 'ContainerUsageSampled') samples.set(`${e.pod.uid}/${e.container}`, e.memory);
    if (e.type === 'ContainerStarted') running.add(`${e.pod.uid}/${e.container}`);
    if (e.type === 'ContainerExited') running.delete(`${e.pod.uid}/${e.container}`);
    if (e.type !== 'PodEvicted') return;
    const states = new Map(pods.map((h) => [h.uid, stateAt(index)(h)]));
    const evicted = states.get(e.pod.uid);
    const node = evicted?.pod.spec.nodeName;
    if (evicted === undefined || node === undefined) return;
    const others = [...states].filter(([uid, s]) => uid !== e.pod.uid && active(s, node, running)).map(([, s]) => s as PodState);
    const candidate = (s: PodState): Candidate => ({ pod: s.pod, usage: { memory: usageOf(s, samples, running) } });
    scenes.push({ entry: { seq: entry.seq, event: e }, node, evicted: candidate(evicted), others: others.map(candidate) });
  });
  return scenes;
};
