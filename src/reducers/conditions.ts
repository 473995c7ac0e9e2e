/**
 * Pod conditions: the kubelet's generators (`pkg/kubelet/status/generate.go`), the order it writes them in,
 * and the rule that `lastTransitionTime` moves only when a condition's status flips.
 */
import type { ContainerStatus, PodCondition, PodPhase, PodSpec } from '../k8s/pod.js';
import { isSidecar } from '../k8s/pod.js';

/** Conditions the kubelet owns and regenerates (`kubetypes.PodConditionByKubelet`). */
const kubeletOwned: ReadonlySet<string> = new Set([
  'PodScheduled',
  'Ready',
  'Initialized',
  'ContainersReady',
  'PodReadyToStartContainers',
  'PodResizeInProgress',
  'PodResizePending',
]);

export const isKubeletOwned = (type: string): boolean => kubeletOwned.has(type);

/** A condition before its timestamps are settled. */
export interface ConditionDraft {
  readonly type: string;
  readonly status: PodCondition['status'];
  readonly reason?: string;
  readonly message?: string;
}

const draft = (type: string, ok: boolean, reason?: string, message?: string): ConditionDraft => ({
  type,
  status: ok ? 'True' : 'False',
  ...(reason !== undefined ? { reason } : {}),
  ...(message !== undefined && message !== '' ? { message } : {}),
});

/** Go's `%s` of a string slice: `[a b]`. */
const goList = (names: readonly string[]): string => `[${names.join(' ')}]`;

const listMessage = (parts: ReadonlyArray<readonly [string, readonly string[]]>): string =>
  parts
    .filter(([, names]) => names.length > 0)
    .map(([label, names]) => `containers with ${label} status: ${goList(names)}`)
    .join(', ');

export interface ConditionInputs {
  readonly spec: PodSpec;
  readonly initStatuses: readonly ContainerStatus[];
  readonly statuses: readonly ContainerStatus[];
  readonly phase: PodPhase;
  readonly sandboxReady: boolean;
  /** Conditions the kubelet does not own, for readiness gates. */
  readonly others: readonly PodCondition[];
}

const byName = (statuses: readonly ContainerStatus[]): ReadonlyMap<string, ContainerStatus> =>
  new Map(statuses.map((s) => [s.name, s]));

/** `GeneratePodInitializedCondition`. */
const initialized = (inp: ConditionInputs): ConditionDraft => {
  const inits = inp.spec.initContainers ?? [];
  if (inits.length > 0 && inp.initStatuses.length + inp.statuses.length === 0) {
    return draft('Initialized', false, 'UnknownContainerStatuses');
  }
  const known = byName(inp.initStatuses);
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = known.get(c.name);
    if (s === undefined) unknown.push(c.name);
    else if (!(isSidecar(c) ? s.started === true : s.ready === true)) incomplete.push(c.name);
  }
  if (inp.phase === 'Succeeded' && unknown.length === 0) return draft('Initialized', true, 'PodCompleted');
  // Once a regular container has started, restarting sidecars no longer un-initialize the pod.
  const regularStarted = inp.statuses.some((s) => s.state?.running !== undefined || s.state?.terminated !== undefined);
  if (regularStarted) return draft('Initialized', true);
  const message = listMessage([
    ['unknown', unknown],
    ['incomplete', incomplete],
  ]);
  return message !== '' ? draft('Initialized', false, 'ContainersNotInitialized', message) : draft('Initialized', true);
};

/** `GenerateContainersReadyCondition`: sidecars first, then regular containers; regular init containers never count. */
const containersReady = (inp: ConditionInputs): ConditionDraft => {
  if (inp.initStatuses.length + inp.statuses.length === 0) return draft('ContainersReady', false, 'UnknownContainerStatuses');
  const unknown: string[] = [];
  const unready: string[] = [];
  const check = (name: string, known: ReadonlyMap<string, ContainerStatus>): void => {
    const s = known.get(name);
    if (s === undefined) unknown.push(name);
    else if (!s.ready) unready.push(name);
  };
  const inits = byName(inp.initStatuses);
  for (const c of inp.spec.initContainers ?? []) if (isSidecar(c)) check(c.name, inits);
  const regular = byName(inp.statuses);
  for (const c of inp.spec.containers) check(c.name, regular);
  if (inp.phase === 'Succeeded' && unknown.length === 0) return draft('ContainersReady', false, 'PodCompleted');
  if (inp.phase === 'Failed') return draft('ContainersReady', false, 'PodFailed');
  const message = listMessage([
    ['unknown', unknown],
    ['unready', unready],
  ]);
  return message !== '' ? draft('ContainersReady', false, 'ContainersNotReady', message) : draft('ContainersReady', true);
};

/** `GeneratePodReadyCondition`: ContainersReady, then every readiness gate. */
const ready = (inp: ConditionInputs, cr: ConditionDraft): ConditionDraft => {
  if (cr.status !== 'True') return { ...cr, type: 'Ready' };
  const messages: string[] = [];
  for (const gate of inp.spec.readinessGates ?? []) {
    const c = inp.others.find((o) => o.type === gate.conditionType);
    const name = JSON.stringify(gate.conditionType);
    if (c === undefined) messages.push(`corresponding condition of pod readiness gate ${name} does not exist.`);
    else if (c.status !== 'True') messages.push(`the status of pod readiness gate ${name} is not "True", but ${c.status}`);
  }
  return messages.length > 0 ? draft('Ready', false, 'ReadinessGatesNotReady', messages.join(', ')) : draft('Ready', true);
};

/** The kubelet-owned conditions in the order `generateAPIPodStatus` appends them. */
export const kubeletConditions = (inp: ConditionInputs): ConditionDraft[] => {
  const cr = containersReady(inp);
  return [
    draft('PodReadyToStartContainers', inp.sandboxReady),
    initialized(inp),
    ready(inp, cr),
    cr,
    draft('PodScheduled', true),
  ];
};

/**
 * Settles timestamps as the status manager does (`updateLastTransitionTime`): a condition whose status is
 * unchanged keeps its previous `lastTransitionTime` (and the previous object when nothing else changed).
 */
export const settle = (d: ConditionDraft, previous: readonly PodCondition[] | undefined, now: string): PodCondition => {
  const old = previous?.find((c) => c.type === d.type);
  if (old !== undefined && old.status === d.status && old.reason === d.reason && old.message === d.message) return old;
  return {
    type: d.type,
    status: d.status,
    lastProbeTime: null,
    lastTransitionTime: old !== undefined && old.status === d.status && old.lastTransitionTime !== undefined ? old.lastTransitionTime : now,
    ...(d.reason !== undefined ? { reason: d.reason } : {}),
    ...(d.message !== undefined ? { message: d.message } : {}),
  };
};
