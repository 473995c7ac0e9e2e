/**
 * The scheduler's decision for one unbound pod (`schedule_one.go :: schedulePod`, `framework/types.go ::
 * FitError.Error`): bind to the feasible node with the most room left (LeastAllocated; ties by node name,
 * so the choice is deterministic), or report why no node fits, with the preemption suffix of v1.28+
 * schedulers. Preemption itself is not simulated: no victims are ever found.
 */
import type { Event } from '../../events/index.js';
import { aboutPod } from '../emit.js';
import type { InputOf } from '../inputs.js';
import type { EngineState, PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';
import { leastAllocatedScore, verdict, type Verdict } from './fit.js';
import { AFFINITY_TERMS_CONFLICT, pinnedNodes } from './node-affinity.js';

/** `sortReasonsHistogram`: "N reason" strings, sorted as Go's `sort.Strings` sorts them. */
const histogram = (reasons: readonly string[]): string => {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([r, n]) => `${n} ${r}`).sort().join(', ');
};

/** `0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.` */
export const fitErrorMessage = (verdicts: readonly Verdict[]): string => {
  const n = verdicts.length;
  const filters = histogram(verdicts.flatMap((v) => v.reasons));
  const preemption = histogram(
    verdicts.map((v) => (v.preemptionMayHelp ? 'No preemption victims found for incoming pod' : 'Preemption is not helpful for scheduling')),
  );
  return `0/${n} nodes are available: ${filters}. preemption: 0/${n} nodes are available: ${preemption}.`;
};

/**
 * `framework/types.go :: FitError.Error` when a PreFilter plugin rejected the pod: its message alone, every node
 * having that plugin's UnschedulableAndUnresolvable status, which preemption cannot help on any node.
 */
const preFilterRejection = (nodes: number, message: string): string =>
  `0/${nodes} nodes are available: ${message}. preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.`;

/** `schedule_one.go :: findNodesThatFitPod`: the status of the nodes a PreFilter result leaves out (NodeAffinity's, the only one here that narrows). */
const NOT_PINNED = "node(s) didn't satisfy plugin(s) [NodeAffinity]";

const bound = (pod: PodBook, node: string, now: VirtualMs, source: 'api' | 'scheduler'): Event => ({
  type: 'PodBound',
  ...aboutPod(now, source, pod.ref),
  node,
});

export const decideSchedule = (state: EngineState, input: InputOf<'schedule'>, now: VirtualMs): Event[] => {
  const pod = state.pods.get(input.uid);
  if (pod === undefined || pod.node !== undefined || pod.removed || pod.deletion !== undefined) return [];
  // spec.nodeName bypasses the scheduler: the kubelet of that node simply runs the pod
  const named = pod.spec.nodeName;
  if (named !== undefined) return state.nodes.has(named) ? [bound(pod, named, now, 'api')] : [];
  const nodes = [...state.nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const subject = aboutPod(now, 'scheduler', pod.ref);
  if (nodes.length === 0) {
    return [{ type: 'PodUnschedulable', ...subject, reason: 'SchedulerError', message: 'no nodes available to schedule pods' }];
  }
  // only the nodes the pod's `metadata.name` affinity pins it to are filtered (a DaemonSet's pods)
  const pinned = pinnedNodes(pod.spec);
  if (pinned.kind === 'none') return [{ type: 'PodUnschedulable', ...subject, reason: 'Unschedulable', message: preFilterRejection(nodes.length, AFFINITY_TERMS_CONFLICT) }];
  const verdicts = nodes.map((node): Verdict =>
    pinned.kind === 'some' && !pinned.names.has(node.name) ? { node, reasons: [NOT_PINNED], preemptionMayHelp: false } : verdict(state, pod, node),
  );
  const feasible = verdicts.filter((v) => v.reasons.length === 0);
  if (feasible.length === 0) return [{ type: 'PodUnschedulable', ...subject, reason: 'Unschedulable', message: fitErrorMessage(verdicts) }];
  // stable sort: among equal scores the name order of `nodes` stays
  const best = [...feasible].sort((a, b) => leastAllocatedScore(state, pod, b.node) - leastAllocatedScore(state, pod, a.node))[0];
  return best === undefined ? [] : [bound(pod, best.node.name, now, 'scheduler')];
};
