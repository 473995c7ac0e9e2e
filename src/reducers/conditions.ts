/**
 * Pod conditions: the kubelet's generators (`pkg/kubelet/status/generate.go`), the order it writes them in,
 * and the rule that `lastTransitionTime` moves only when a condition's status flips.
 */
import type { Container, PodCondition, PodPhase, PodSpec } from '../k8s/pod.js';
import type { StatusFacts } from './container-status.js';
import { isSidecar, sidecarsAndContainers } from '../k8s/pod.js';
import { sharedCondition } from './shared-values.js';
import { ALL_CONTAINERS_RESTARTING } from '../k8s/pod-conditions.js';

// No init containers (most pods): one empty list for every regeneration.
const NO_CONTAINERS: readonly Container[] = [];

/** A condition before its timestamps are settled. */
export interface ConditionDraft {
  readonly type: string;
  readonly status: PodCondition['status'];
  readonly reason?: string;
  readonly message?: string;
}

// A draft with no reason nor message (most of them, on every regeneration): one object per type and status.
const plainDrafts = new Map<string, readonly [ConditionDraft, ConditionDraft]>();

const plainDraft = (type: string, ok: boolean): ConditionDraft => {
  let pair = plainDrafts.get(type);
  if (pair === undefined) {
    pair = [{ type, status: 'False' }, { type, status: 'True' }];
    plainDrafts.set(type, pair);
  }
  return pair[ok ? 1 : 0];
};

// A draft with a reason and no message (PodCompleted, PodFailed, ...: constants): one object per type, reason and status.
const reasonDrafts = new Map<string, Map<string, readonly [ConditionDraft, ConditionDraft]>>();

const reasonDraft = (type: string, ok: boolean, reason: string): ConditionDraft => {
  const byReason = reasonDrafts.get(type) ?? new Map<string, readonly [ConditionDraft, ConditionDraft]>();
  if (byReason.size === 0) reasonDrafts.set(type, byReason);
  let pair = byReason.get(reason);
  if (pair === undefined) {
    pair = [{ type, status: 'False', reason }, { type, status: 'True', reason }];
    byReason.set(reason, pair);
  }
  return pair[ok ? 1 : 0];
};

const draft = (type: string, ok: boolean, reason?: string, message?: string): ConditionDraft => {
  if (message === undefined || message === '') return reason === undefined ? plainDraft(type, ok) : reasonDraft(type, ok, reason);
  const d: { type: string; status: PodCondition['status']; reason?: string; message?: string } = {
    type,
    status: ok ? 'True' : 'False',
  };
  if (reason !== undefined) d.reason = reason;
  if (message !== undefined && message !== '') d.message = message;
  return d;
};

/**
 * What the generators read: the status of every spec container, in spec order (`initStatuses[i]` is the
 * status of `facts.inits[i]`), as the reducers always build them.
 */
export interface ConditionInputs {
  readonly spec: PodSpec;
  readonly initStatuses: readonly StatusFacts[];
  readonly statuses: readonly StatusFacts[];
  readonly phase: PodPhase;
  readonly sandboxReady: boolean;
  /** Conditions the kubelet does not own, for readiness gates. */
  readonly others: readonly PodCondition[];
  /** `metadata.generation`, written as each condition's `observedGeneration`. */
  readonly generation?: number;
  /**
   * The status manager's `SetContainerReadiness` / `SetContainerStartup` over its cached status: a condition whose
   * status, reason and message do not change keeps the `observedGeneration` it was written with (`settle`).
   */
  readonly keepObserved?: boolean;
  /** The types this pod's kubelet publishes, when a capture showed them (an older kubelet's); else v1.36's. */
  readonly types?: readonly string[] | undefined;
  /**
   * A pod with a `RestartAllContainers` rule (`AllContainersCouldRestart`): whether it counts as restarting all
   * its containers, and whether the runtime lists none of them any more (`restart-all.ts`).
   */
  readonly restartAll?: { readonly restarting: boolean; readonly cleanedUp: boolean } | undefined;
  /**
   * The previous status showed Initialized True and the kubelet keeps it so while init containers run again
   * (`GeneratePodInitializedCondition` under gate RestartAllContainersOnContainerExits, beta and on in v1.36: "once a
   * pod is initialized, it cannot be uninitialized").
   */
  readonly initializedBefore?: boolean;
}

/** Which list a message names: the init containers (Initialized), or sidecars then regular containers (ContainersReady). */
type Listed = 'incomplete' | 'unready';

const namesOf = (spec: PodSpec, listed: Listed): string[] =>
  (listed === 'incomplete' ? (spec.initContainers ?? []) : sidecarsAndContainers(spec)).map((c) => c.name);

/**
 * Drafts naming a list, by `mask * 2 + list` (the same few lists recur on every event of a pod), per list of
 * regular containers and its init containers: a bound pod's spec is its workload's copied with `nodeName`
 * (`shared-values.ts :: boundSpec`), the same lists, so every pod of a workload shares these, whatever its node
 * (kept per spec object, L's 5,000 nodes made one table per pod nearly).
 */
const listDrafts = new WeakMap<readonly Container[], { readonly inits: readonly Container[] | undefined; readonly byKey: Map<number, ConditionDraft> }>();

/** Lists above this many containers are not cached: a key is a sum of distinct powers of two, exact below 2^53. */
const CACHED_LIST = 50;

/**
 * The False draft of Initialized (`ContainersNotInitialized`) or ContainersReady (`ContainersNotReady`) with its
 * message, `containers with LABEL status: [a b]` (Go's `%s` of a slice), for the containers whose bit is set in `mask`.
 */
const listDraft = (spec: PodSpec, listed: Listed, mask: number): ConditionDraft => {
  const cached = (spec.initContainers?.length ?? 0) + spec.containers.length <= CACHED_LIST;
  const key = mask * 2 + (listed === 'incomplete' ? 0 : 1);
  const table = cached ? listDrafts.get(spec.containers) : undefined;
  const kept = table !== undefined && table.inits === spec.initContainers ? table.byKey : undefined;
  const known = kept?.get(key);
  if (known !== undefined) return known;
  const names = namesOf(spec, listed).filter((_, i) => Math.floor(mask / 2 ** i) % 2 === 1);
  const message = `containers with ${listed} status: [${names.join(' ')}]`;
  const made = listed === 'incomplete' ? draft('Initialized', false, 'ContainersNotInitialized', message) : draft('ContainersReady', false, 'ContainersNotReady', message);
  if (cached) {
    const byKey = kept ?? new Map<number, ConditionDraft>();
    byKey.set(key, made);
    if (kept === undefined) listDrafts.set(spec.containers, { inits: spec.initContainers, byKey });
  }
  return made;
};

/** `GeneratePodInitializedCondition` (every init container has a status: none is unknown). */
const initialized = (inp: ConditionInputs): ConditionDraft => {
  if (inp.phase === 'Succeeded') return draft('Initialized', true, 'PodCompleted');
  // Once a regular container has started, restarting sidecars no longer un-initialize the pod.
  for (const s of inp.statuses) if (s.state?.running !== undefined || s.state?.terminated !== undefined) return draft('Initialized', true);
  const inits = inp.spec.initContainers ?? NO_CONTAINERS;
  let incomplete = 0;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    const s = inp.initStatuses[i];
    if (c !== undefined && s !== undefined && !(isSidecar(c) ? s.started === true : s.ready === true)) incomplete += 2 ** i;
  }
  if (incomplete === 0 || inp.initializedBefore === true) return draft('Initialized', true);
  return listDraft(inp.spec, 'incomplete', incomplete);
};

/** `GenerateContainersReadyCondition`: sidecars first, then regular containers; regular init containers never count. */
const containersReady = (inp: ConditionInputs): ConditionDraft => {
  const inits = inp.spec.initContainers ?? NO_CONTAINERS;
  if (inits.length === 0 && inp.spec.containers.length === 0) return draft('ContainersReady', false, 'UnknownContainerStatuses');
  if (inp.phase === 'Succeeded') return draft('ContainersReady', false, 'PodCompleted');
  if (inp.phase === 'Failed') return draft('ContainersReady', false, 'PodFailed');
  // One bit per listed container, in the message's order: the sidecars, then the regular containers.
  let unready = 0;
  let bit = 1;
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i];
    if (c === undefined || !isSidecar(c)) continue;
    if (inp.initStatuses[i]?.ready !== true) unready += bit;
    bit *= 2;
  }
  for (const s of inp.statuses) {
    if (!s.ready) unready += bit;
    bit *= 2;
  }
  if (unready === 0) return draft('ContainersReady', true);
  return listDraft(inp.spec, 'unready', unready);
};

// Ready's draft when ContainersReady is not True, per ContainersReady draft (those are shared: one each here too).
const readyDrafts = new WeakMap<ConditionDraft, ConditionDraft>();

/** `GeneratePodReadyCondition`: ContainersReady, then every readiness gate. */
const ready = (inp: ConditionInputs, cr: ConditionDraft): ConditionDraft => {
  if (cr.status !== 'True') {
    const known = readyDrafts.get(cr);
    if (known !== undefined) return known;
    const made = draft('Ready', false, cr.reason, cr.message);
    readyDrafts.set(cr, made);
    return made;
  }
  const gates = inp.spec.readinessGates;
  if (gates === undefined || gates.length === 0) return draft('Ready', true);
  const messages: string[] = [];
  for (const gate of gates) {
    const c = conditionOf(inp.others, gate.conditionType);
    const name = JSON.stringify(gate.conditionType);
    if (c === undefined) messages.push(`corresponding condition of pod readiness gate ${name} does not exist.`);
    else if (c.status !== 'True') messages.push(`the status of pod readiness gate ${name} is not "True", but ${c.status}`);
  }
  return messages.length > 0 ? draft('Ready', false, 'ReadinessGatesNotReady', messages.join(', ')) : draft('Ready', true);
};

const podScheduled = draft('PodScheduled', true);

/** `GenerateAllContainersRestartingCondition`: True from the matching exit until the runtime lists no container. */
const allContainersRestarting = (inp: ConditionInputs, r: NonNullable<ConditionInputs['restartAll']>): ConditionDraft => {
  if (inp.phase === 'Succeeded') return draft(ALL_CONTAINERS_RESTARTING, false, 'PodCompleted');
  if (inp.phase === 'Failed') return draft(ALL_CONTAINERS_RESTARTING, false, 'PodFailed');
  if (!r.restarting || r.cleanedUp) return draft(ALL_CONTAINERS_RESTARTING, false);
  return draft(ALL_CONTAINERS_RESTARTING, true, 'RestartAllContainersStarted', 'container exited with restart policy rule');
};

/**
 * The kubelet-owned conditions in the order `generateAPIPodStatus` appends them, settled against the
 * previous ones (an unchanged condition is the previous object).
 */
export const kubeletConditions = (inp: ConditionInputs, previous: readonly PodCondition[] | undefined, now: string): PodCondition[] => {
  // each previous condition found by a loop over the few previous ones (no object listing them all)
  const cr = containersReady(inp);
  const all = [
    settle(draft('PodReadyToStartContainers', inp.sandboxReady), conditionOf(previous, 'PodReadyToStartContainers'), now, inp.generation, inp.keepObserved),
    settle(initialized(inp), conditionOf(previous, 'Initialized'), now, inp.generation, inp.keepObserved),
    settle(ready(inp, cr), conditionOf(previous, 'Ready'), now, inp.generation, inp.keepObserved),
    settle(cr, conditionOf(previous, 'ContainersReady'), now, inp.generation, inp.keepObserved),
    settle(podScheduled, conditionOf(previous, 'PodScheduled'), now, inp.generation, inp.keepObserved),
  ];
  // appended last, and only for a pod with such a rule (`generateAPIPodStatus`, gate RestartAllContainersOnContainerExits);
  // its generator sets no observedGeneration
  const { restartAll } = inp;
  if (restartAll !== undefined) all.push(settle(allContainersRestarting(inp, restartAll), conditionOf(previous, ALL_CONTAINERS_RESTARTING), now));
  // Ready still reads ContainersReady where a kubelet does not publish it (before v1.12 it had none).
  const { types } = inp;
  return types === undefined ? all : all.filter((c) => types.includes(c.type));
};

/** The first condition of that type (a loop: this runs for every condition on every event). */
export const conditionOf = (conditions: readonly PodCondition[] | undefined, type: string): PodCondition | undefined => {
  if (conditions !== undefined) for (const c of conditions) if (c.type === type) return c;
  return undefined;
};

/**
 * Settles timestamps as the status manager does (`updateLastTransitionTime`) against the previous condition
 * of that type: one whose status is unchanged keeps its `lastTransitionTime` (and is the previous object
 * when nothing else changed, its `observedGeneration` too when `keepObserved`).
 */
export const settle = (d: ConditionDraft, old: PodCondition | undefined, now: string, generation?: number, keepObserved = false): PodCondition => {
  const same = old !== undefined && old.status === d.status;
  if (same && old.reason === d.reason && old.message === d.message && (keepObserved || old.observedGeneration === generation)) return old;
  const lastTransitionTime = same && old.lastTransitionTime !== undefined ? old.lastTransitionTime : now;
  return sharedCondition(d.type, d.status, lastTransitionTime, generation, d.reason, d.message);
};
