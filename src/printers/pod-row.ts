/**
 * The cells of one `kubectl get pods` row: a port of `pkg/printers/internalversion/printers.go :: printPod`,
 * keeping its precedence as written (phase/reason, SchedulingGated, init walk, backward container walk,
 * deletion).
 */
import type { ContainerStatus, PodCondition, V1Pod } from '../k8s/pod.js';
import { isSidecar, sidecarsAndContainers } from '../k8s/pod.js';
import { ageOf } from './duration.js';

/** NAME, READY, STATUS, RESTARTS and AGE, as `kubectl get pods` prints them. */
export interface KubectlRow {
  readonly name: string;
  readonly ready: string;
  readonly status: string;
  readonly restarts: string;
  readonly age: string;
}

/**
 * What a row is made of before the clock is read: every cell but AGE and the "(X ago)" of RESTARTS is fixed
 * by the pod alone. The report keeps these per change and renders them at any instant with `rowAt`.
 */
export interface KubectlRowFacts {
  readonly name: string;
  readonly ready: string;
  readonly status: string;
  readonly restarts: number;
  readonly lastRestartDate?: string;
  readonly creationTimestamp?: string;
}

/** The `-o wide` cells: IP, NODE, NOMINATED NODE, READINESS GATES. */
export interface KubectlWideCells {
  readonly ip: string;
  readonly node: string;
  readonly nominatedNode: string;
  readonly readinessGates: string;
}

const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

/** The latest of two RFC 3339 instants (undefined is Go's zero time, before everything). */
const later = (a: string | undefined, b: string | undefined): string | undefined =>
  a === undefined ? b : b === undefined ? a : Date.parse(b) > Date.parse(a) ? b : a;

/** `isPodInitializedConditionTrue`: the first Initialized condition decides. */
const initializedConditionTrue = (conditions: readonly PodCondition[]): boolean =>
  conditions.find((c) => c.type === 'Initialized')?.status === 'True';

const hasPodReadyCondition = (conditions: readonly PodCondition[]): boolean =>
  conditions.some((c) => c.type === 'Ready' && c.status === 'True');

/** A zero time (`null`, a `RestartAllContainers` removal's made-up termination) is no restart date. */
const lastFinishedAt = (s: ContainerStatus): string | undefined => s.lastState?.terminated?.finishedAt ?? undefined;

/** The clock-free part of a row (see `KubectlRowFacts`). */
export const kubectlRowFacts = (pod: V1Pod): KubectlRowFacts => {
  const status = pod.status ?? {};
  const conditions = status.conditions ?? [];
  const initContainers = pod.spec.initContainers ?? [];
  const initSpecs = new Map(initContainers.map((c) => [c.name, c]));
  const sidecarNamed = (name: string): boolean => {
    const spec = initSpecs.get(name);
    return spec !== undefined && isSidecar(spec);
  };

  let restarts = 0;
  let sidecarRestarts = 0;
  let readyContainers = 0;
  let lastRestartDate: string | undefined;
  let lastSidecarRestartDate: string | undefined;
  const totalContainers = sidecarsAndContainers(pod.spec).length;

  const phase = status.phase ?? '';
  let reason: string = status.reason !== undefined && status.reason !== '' ? status.reason : phase;
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (const [i, container] of initStatuses.entries()) {
    restarts += container.restartCount ?? 0;
    lastRestartDate = later(lastRestartDate, lastFinishedAt(container));
    const sidecar = sidecarNamed(container.name);
    if (sidecar) {
      sidecarRestarts += container.restartCount ?? 0;
      lastSidecarRestartDate = later(lastSidecarRestartDate, lastFinishedAt(container));
    }
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated !== undefined && terminated.exitCode === 0) continue;
    if (sidecar && container.started === true) {
      if (container.ready === true) readyContainers++;
      continue;
    }
    if (terminated !== undefined) {
      // initialization failed
      if (terminated.reason === undefined || terminated.reason === '') {
        reason =
          terminated.signal !== undefined && terminated.signal !== 0
            ? `Init:Signal:${terminated.signal}`
            : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason !== undefined && waiting.reason !== '' && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || initializedConditionTrue(conditions)) {
    // Regular init containers' restarts no longer count once the pod is initialized.
    restarts = sidecarRestarts;
    lastRestartDate = lastSidecarRestartDate;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    // Backwards, so the first container in the list that has a reason wins.
    for (const container of [...statuses].reverse()) {
      restarts += container.restartCount ?? 0;
      lastRestartDate = later(lastRestartDate, lastFinishedAt(container));
      const waiting = container.state?.waiting;
      const terminated = container.state?.terminated;
      if (waiting?.reason !== undefined && waiting.reason !== '') {
        reason = waiting.reason;
      } else if (terminated?.reason !== undefined && terminated.reason !== '') {
        reason = terminated.reason;
      } else if (terminated !== undefined) {
        reason =
          terminated.signal !== undefined && terminated.signal !== 0
            ? `Signal:${terminated.signal}`
            : `ExitCode:${terminated.exitCode}`;
      } else if (container.ready === true && container.state?.running !== undefined) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // Back to Running if some container still reports running.
    if (reason === 'Completed' && hasRunning) reason = hasPodReadyCondition(conditions) ? 'Running' : 'NotReady';
  }

  const deleting = pod.metadata.deletionTimestamp !== undefined;
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  return {
    name: pod.metadata.name ?? '',
    ready: `${readyContainers}/${totalContainers}`,
    status: reason,
    restarts,
    ...(lastRestartDate === undefined ? {} : { lastRestartDate }),
    // a kubelet's `/pods` writes a static pod's unset creationTimestamp as null
    ...(pod.metadata.creationTimestamp == null ? {} : { creationTimestamp: pod.metadata.creationTimestamp }),
  };
};

/** The RESTARTS cell at `now`: the count, and how long ago the last restart was when there was one. */
export const restartsAt = (restarts: number, lastRestartDate: string | undefined, now: Date, age = ageOf): string =>
  restarts !== 0 && lastRestartDate !== undefined ? `${restarts} (${age(lastRestartDate, now)} ago)` : String(restarts);

/** A row's cells at `now`: AGE and the "(X ago)" of RESTARTS are counted from it. */
export const rowAt = (facts: KubectlRowFacts, now: Date): KubectlRow => ({
  name: facts.name,
  ready: facts.ready,
  status: facts.status,
  restarts: restartsAt(facts.restarts, facts.lastRestartDate, now),
  age: ageOf(facts.creationTimestamp, now),
});

/**
 * The row cells kubectl computes for a pod; `now` fixes the AGE and the "(X ago)" of RESTARTS. The contract
 * lets callers omit it (the current time, as kubectl uses); everything inside podjournal passes it.
 */
export const kubectlRow = (pod: V1Pod, now: Date = new Date()): KubectlRow => rowAt(kubectlRowFacts(pod), now);

/**
 * The table-row condition printPod attaches to finished pods (`Completed=True`), which lets
 * `kubectl get --watch` tell them apart; not a visible column.
 */
export const kubectlRowCompleted = (pod: V1Pod): { readonly reason: string; readonly message: string } | undefined => {
  switch (pod.status?.phase) {
    case 'Succeeded':
      return { reason: 'Succeeded', message: 'The pod has completed successfully.' };
    case 'Failed':
      return { reason: 'Failed', message: 'The pod failed.' };
    default:
      return undefined;
  }
};

/** The cells `-o wide` adds; empty values print as `<none>`, as printPod writes them. */
export const kubectlWideCells = (pod: V1Pod): KubectlWideCells => {
  const orNone = (s: string | undefined): string => (s === undefined || s === '' ? '<none>' : s);
  const gates = pod.spec.readinessGates ?? [];
  const conditions = pod.status?.conditions ?? [];
  // A gate counts when the first condition of its type is True.
  const trueGates = gates.filter(
    (g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True',
  ).length;
  return {
    // An object captured from a cluster before v1.16 has `podIP` alone; the API server's conversion fills `podIPs` from it
    // (`Convert_v1_PodStatus_To_core_PodStatus`), so kubectl's printer, which reads `podIPs[0]`, shows it.
    ip: orNone(pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP),
    node: orNone(pod.spec.nodeName),
    nominatedNode: orNone(pod.status?.nominatedNodeName),
    readinessGates: gates.length > 0 ? `${trueGates}/${gates.length}` : '<none>',
  };
};
