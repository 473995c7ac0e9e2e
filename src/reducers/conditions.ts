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

const draft = (type: string, ok: boolean, reason?: string, message?: string): ConditionDraft => {
  const d: { type: string; status: PodCondition['status']; reason?: string; message?: string } = {
    type,
    status: ok ? 'True' : 'False',
  };
  if (reason !== undefined) d.reason = reason;
  if (message !== undefined && message !== '') d.message = message;
  return d;
};

/** `containers with unknown status: [a b], containers with unready status: [c]` (Go's `%s` of a slice). */
const listMessage = (firstLabel: string, first: readonly string[], secondLabel: string, second: readonly string[]): string => {
  const parts: string[] = [];
  if (first.length > 0) parts.push(`containers with ${firstLabel} status: [${first.join(' ')}]`);
  if (second.length > 0) parts.push(`containers with ${secondLabel} status: [${second.join(' ')}]`);
  return parts.join(', ');
};

/**
 * What the generators read. The status lists are in spec order (`initStatuses[i]` is the status of
 * `spec.initContainers[i]`, undefined when the kubelet has none), as the reducers build them.
 */
export interface ConditionInputs {
  readonly spec: PodSpec;
  readonly initStatuses: readonly (ContainerStatus | undefined)[];
  readonly statuses: readonly (ContainerStatus | undefined)[];
  readonly phase: PodPhase;
  readonly sandboxReady: boolean;
  /** Conditions the kubelet does not own, for readiness gates. */
  readonly others: readonly PodCondition[];
}

/** `GeneratePodInitializedCondition`. */
const initialized = (inp: ConditionInputs): ConditionDraft => {
  const inits = inp.spec.initContainers ?? [];
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    if (c === undefined) continue;
    const s = inp.initStatuses[i];
    if (s === undefined) unknown.push(c.name);
    else if (!(isSidecar(c) ? s.started === true : s.ready === true)) incomplete.push(c.name);
  }
  if (inits.length > 0 && unknown.length === inits.length && inp.statuses.every((s) => s === undefined)) {
    return draft('Initialized', false, 'UnknownContainerStatuses');
  }
  if (inp.phase === 'Succeeded' && unknown.length === 0) return draft('Initialized', true, 'PodCompleted');
  // Once a regular container has started, restarting sidecars no longer un-initialize the pod.
  if (inp.statuses.some((s) => s?.state?.running !== undefined || s?.state?.terminated !== undefined)) {
    return draft('Initialized', true);
  }
  const message = listMessage('unknown', unknown, 'incomplete', incomplete);
  return message !== '' ? draft('Initialized', false, 'ContainersNotInitialized', message) : draft('Initialized', true);
};

/** `GenerateContainersReadyCondition`: sidecars first, then regular containers; regular init containers never count. */
const containersReady = (inp: ConditionInputs): ConditionDraft => {
  if (inp.initStatuses.every((s) => s === undefined) && inp.statuses.every((s) => s === undefined)) {
    return draft('ContainersReady', false, 'UnknownContainerStatuses');
  }
  const unknown: string[] = [];
  const unready: string[] = [];
  const check = (name: string, s: ContainerStatus | undefined): void => {
    if (s === undefined) unknown.push(name);
    else if (!s.ready) unready.push(name);
  };
  const inits = inp.spec.initContainers ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    if (c !== undefined && isSidecar(c)) check(c.name, inp.initStatuses[i]);
  }
  const containers = inp.spec.containers;
  for (let i = 0; i < containers.length; i++) {
    const c = containers[i];
    if (c !== undefined) check(c.name, inp.statuses[i]);
  }
  if (inp.phase === 'Succeeded' && unknown.length === 0) return draft('ContainersReady', false, 'PodCompleted');
  if (inp.phase === 'Failed') return draft('ContainersReady', false, 'PodFailed');
  const message = listMessage('unknown', unknown, 'unready', unready);
  return message !== '' ? draft('ContainersReady', false, 'ContainersNotReady', message) : draft('ContainersReady', true);
};

/** `GeneratePodReadyCondition`: ContainersReady, then every readiness gate. */
const ready = (inp: ConditionInputs, cr: ConditionDraft): ConditionDraft => {
  if (cr.status !== 'True') return draft('Ready', false, cr.reason, cr.message);
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
  const same = old !== undefined && old.status === d.status;
  if (same && old.reason === d.reason && old.message === d.message) return old;
  const c: PodCondition = {
    type: d.type,
    status: d.status,
    lastProbeTime: null,
    lastTransitionTime: same && old.lastTransitionTime !== undefined ? old.lastTransitionTime : now,
  };
  if (d.reason !== undefined) c.reason = d.reason;
  if (d.message !== undefined) c.message = d.message;
  return c;
};
