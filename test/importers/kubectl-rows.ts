/**
 * What kubectl shows for a captured Pod object, read straight from the object: an independent, small reading
 * of kubectl (k8s.io/kubernetes pkg/printers/internalversion/printers.go :: printPod, and
 * k8s.io/kubectl pkg/describe/describe.go :: describePod, describeContainerState, describeStatus), written
 * for the differential test against podj. It never calls podj's own printers: each rule is copied from the
 * Go source onto the raw JSON object.
 */

/** The raw JSON of a Pod, as a capture holds it (only the fields kubectl's printers read). */
export interface RawState {
  readonly running?: { readonly startedAt?: string | null } | null;
  readonly waiting?: { readonly reason?: string; readonly message?: string } | null;
  readonly terminated?: {
    readonly reason?: string;
    readonly exitCode?: number;
    readonly signal?: number;
    readonly startedAt?: string | null;
    readonly finishedAt?: string | null;
  } | null;
}
export interface RawContainerStatus {
  readonly name: string;
  readonly image?: string;
  readonly restartCount?: number;
  readonly ready?: boolean;
  readonly started?: boolean;
  readonly state?: RawState;
  readonly lastState?: RawState;
}
export interface RawPod {
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly creationTimestamp?: string | null;
    readonly resourceVersion?: string;
    readonly annotations?: Readonly<Record<string, string>>;
    readonly deletionTimestamp?: string | null;
    readonly deletionGracePeriodSeconds?: number;
    readonly managedFields?: ReadonlyArray<{ readonly time?: string }>;
  };
  readonly spec: {
    readonly nodeName?: string;
    readonly containers: ReadonlyArray<{ readonly name: string }>;
    readonly initContainers?: ReadonlyArray<{ readonly name: string; readonly restartPolicy?: string }>;
    readonly readinessGates?: ReadonlyArray<{ readonly conditionType: string }>;
  };
  readonly status?: {
    readonly phase?: string;
    readonly reason?: string;
    readonly message?: string;
    readonly nominatedNodeName?: string;
    readonly podIP?: string;
    readonly podIPs?: ReadonlyArray<{ readonly ip: string }>;
    readonly startTime?: string | null;
    readonly conditions?: ReadonlyArray<{ readonly type: string; readonly status: string; readonly reason?: string; readonly message?: string; readonly lastTransitionTime?: string | null }>;
    readonly initContainerStatuses?: readonly RawContainerStatus[];
    readonly containerStatuses?: readonly RawContainerStatus[];
    readonly allocatedResources?: Readonly<Record<string, string>>;
    readonly resources?: { readonly requests?: Readonly<Record<string, string>>; readonly limits?: Readonly<Record<string, string>> };
  };
}

/** A metav1.Time as milliseconds; `null`, absent or empty is Go's zero time (IsZero). The epoch is a time. */
const ms = (t: string | null | undefined): number | undefined => (t === null || t === undefined || t === '' ? undefined : Date.parse(t));

type Stated = readonly [fact: string, at: number | undefined];
const stateTimes = (of: string, s: RawState | undefined): Stated[] => [
  [`${of} running`, ms(s?.running?.startedAt)],
  [`${of} started`, ms(s?.terminated?.startedAt)],
  [`${of} finished`, ms(s?.terminated?.finishedAt)],
];

/**
 * Every fact one object times, as `fact@ms`: creation, start, condition transitions, container starts and
 * exits, the managers' writes, the deletion request (deletionTimestamp − grace; the deadline lies in the future).
 */
export const statedFacts = (pod: RawPod): Array<{ readonly fact: string; readonly at: number }> => {
  const s = pod.status ?? {};
  const deadline = ms(pod.metadata.deletionTimestamp);
  const facts: Stated[] = [
    ['created', ms(pod.metadata.creationTimestamp)],
    ['startTime', ms(s.startTime)],
    ...(s.conditions ?? []).map((c): Stated => [`${c.type}=${c.status}`, ms(c.lastTransitionTime)]),
    ...[...(s.initContainerStatuses ?? []), ...(s.containerStatuses ?? [])].flatMap((c) => [...stateTimes(c.name, c.state), ...stateTimes(`${c.name} last`, c.lastState)]),
    ...(pod.metadata.managedFields ?? []).map((m): Stated => ['managed', ms(m.time)]),
    ['deletion', deadline === undefined ? undefined : deadline - 1000 * (pod.metadata.deletionGracePeriodSeconds ?? 0)],
  ];
  return facts.flatMap(([fact, at]) => (at === undefined || at <= 0 ? [] : [{ fact, at }]));
};

/** The capture instant of one object: the latest time it states (a capture happened then or later). */
export const objectInstant = (pod: RawPod): number | undefined => {
  const times = statedFacts(pod).map((f) => f.at);
  return times.length === 0 ? undefined : Math.max(...times);
};

/** k8s.io/apimachinery pkg/util/duration/duration.go :: HumanDuration. */
export const humanDuration = (d: number): string => {
  const seconds = Math.trunc(d / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(d / 60000);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(d / 3600000);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
};

/** printers.go :: translateTimestampSince (a zero time prints `<unknown>`). */
const since = (t: number | undefined, now: number): string => (t === undefined ? '<unknown>' : humanDuration(now - t));

const isSidecar = (pod: RawPod, name: string): boolean =>
  (pod.spec.initContainers ?? []).some((c) => c.name === name && c.restartPolicy === 'Always');

/** The cells of `kubectl get pods -o wide` (printers.go :: printPod with options.Wide) at instant `now`. */
export const kubectlRow = (pod: RawPod, now: number): Record<string, string> => {
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  let reason = status.reason !== undefined && status.reason !== '' ? status.reason : phase;
  for (const c of status.conditions ?? []) if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';

  const inits = pod.spec.initContainers ?? [];
  const total = pod.spec.containers.length + inits.filter((c) => c.restartPolicy === 'Always').length;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  const later = (a: number | undefined, b: number | undefined): number | undefined => (b !== undefined && (a === undefined || a < b) ? b : a);

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (const [i, c] of initStatuses.entries()) {
    restarts += c.restartCount ?? 0;
    const finished = ms(c.lastState?.terminated?.finishedAt ?? undefined);
    if (c.lastState?.terminated) lastRestart = later(lastRestart, finished);
    const sidecar = isSidecar(pod, c.name);
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      if (c.lastState?.terminated) lastSidecarRestart = later(lastSidecarRestart, finished);
    }
    const term = c.state?.terminated ?? undefined;
    const wait = c.state?.waiting ?? undefined;
    if (term && (term.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready === true) ready++;
      continue;
    }
    if (term) {
      if ((term.reason ?? '') === '') reason = (term.signal ?? 0) !== 0 ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode ?? 0}`;
      else reason = `Init:${term.reason}`;
    } else if (wait && (wait.reason ?? '') !== '' && wait.reason !== 'PodInitializing') reason = `Init:${wait.reason}`;
    else reason = `Init:${i}/${inits.length}`;
    initializing = true;
    break;
  }

  const initialized = (status.conditions ?? []).some((c) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      if (c === undefined) continue;
      restarts += c.restartCount ?? 0;
      if (c.lastState?.terminated) lastRestart = later(lastRestart, ms(c.lastState.terminated.finishedAt ?? undefined));
      const term = c.state?.terminated ?? undefined;
      const wait = c.state?.waiting ?? undefined;
      if (wait && (wait.reason ?? '') !== '') reason = wait.reason ?? '';
      else if (term && (term.reason ?? '') !== '') reason = term.reason ?? '';
      else if (term) reason = (term.signal ?? 0) !== 0 ? `Signal:${term.signal}` : `ExitCode:${term.exitCode ?? 0}`;
      else if (c.ready === true && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = (status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady';
    }
  }

  const deleted = (pod.metadata.deletionTimestamp ?? null) !== null;
  if (deleted && status.reason === 'NodeLost') reason = 'Unknown';
  else if (deleted && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  const restartsCell = restarts !== 0 && lastRestart !== undefined ? `${restarts} (${since(lastRestart, now)} ago)` : String(restarts);
  const ip = (status.podIP ?? '') !== '' ? status.podIP ?? '' : status.podIPs?.[0]?.ip ?? '';
  const gates = pod.spec.readinessGates ?? [];
  const trueGates = gates.filter((g) => (status.conditions ?? []).find((c) => c.type === g.conditionType)?.status === 'True').length;
  return {
    NAME: pod.metadata.name,
    READY: `${ready}/${total}`,
    STATUS: reason,
    RESTARTS: restartsCell,
    AGE: since(ms(pod.metadata.creationTimestamp), now),
    IP: ip === '' ? '<none>' : ip,
    NODE: (pod.spec.nodeName ?? '') === '' ? '<none>' : pod.spec.nodeName ?? '',
    'NOMINATED NODE': (status.nominatedNodeName ?? '') === '' ? '<none>' : status.nominatedNodeName ?? '',
    'READINESS GATES': gates.length === 0 ? '<none>' : `${trueGates}/${gates.length}`,
  };
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** Go's `time.RFC1123Z` of a metav1.Time in UTC (a missing time is Go's zero: Mon, 01 Jan 0001 00:00:00 +0000). */
export const rfc1123z = (t: string | null | undefined): string => {
  const d = new Date(ms(t) ?? 0);
  if (ms(t) === undefined) d.setUTCFullYear(1, 0, 1);
  const date = `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCFullYear()).padStart(4, '0')}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
};

/** describe.go :: describeStatus: the lines of one state (the Message line left out: multi-line texts). */
const stateLines = (name: string, s: RawState | undefined): string[] => {
  if (s?.running) return [`${name}: Running`, `Started: ${rfc1123z(s.running.startedAt)}`];
  if (s?.waiting) return [`${name}: Waiting`, ...((s.waiting.reason ?? '') !== '' ? [`Reason: ${s.waiting.reason}`] : [])];
  if (s?.terminated) {
    const t = s.terminated;
    return [
      `${name}: Terminated`,
      ...((t.reason ?? '') !== '' ? [`Reason: ${t.reason}`] : []),
      `Exit Code: ${t.exitCode ?? 0}`,
      ...((t.signal ?? 0) > 0 ? [`Signal: ${t.signal}`] : []),
      `Started: ${rfc1123z(t.startedAt)}`,
      `Finished: ${rfc1123z(t.finishedAt)}`,
    ];
  }
  return [`${name}: Waiting`];
};

/** describe.go :: describeContainerState (State, Last State when terminated, Ready, Restart Count). */
export const describedContainer = (c: RawContainerStatus): string[] => [
  ...stateLines('State', c.state),
  ...(c.lastState?.terminated ? stateLines('Last State', c.lastState) : []),
  `Ready: ${c.ready === true ? 'True' : 'False'}`,
  `Restart Count: ${c.restartCount ?? 0}`,
];

/** describe.go :: describePod's pod-level lines that follow from the object: Status (Terminating), Reason, Start Time. */
export const describedPod = (pod: RawPod): Record<string, string | undefined> => {
  const s = pod.status ?? {};
  const phase = s.phase ?? '';
  const deleting = (pod.metadata.deletionTimestamp ?? null) !== null && phase !== 'Failed' && phase !== 'Succeeded';
  return {
    Status: deleting ? 'Terminating' : phase,
    Reason: (s.reason ?? '') === '' ? undefined : s.reason,
    'Start Time': (s.startTime ?? null) === null ? undefined : rfc1123z(s.startTime),
  };
};

/** describe.go :: describePod's Conditions table: each condition's type and status, in the object's order. */
export const describedConditions = (pod: RawPod): string[] => (pod.status?.conditions ?? []).map((c) => `${c.type} ${c.status}`);

/**
 * `kubectl get pod -o json`'s conditions, as the object holds them: type, status and `lastTransitionTime` (describe
 * prints no times for conditions, so the differential test reads them from `-o json`). A metav1.Time is whole
 * seconds on the wire; `null` or absent prints as null.
 */
export const conditionTimes = (pod: RawPod): string[] =>
  (pod.status?.conditions ?? []).map((c) => `${c.type} ${c.status} ${(c.lastTransitionTime ?? null) === null ? 'null' : new Date(ms(c.lastTransitionTime) ?? 0).toISOString().replace('.000Z', 'Z')}`);

/** Each condition's reason and message as `-o json` prints the object (describe prints neither): absent is empty. */
export const conditionWords = (pod: RawPod): string[] =>
  (pod.status?.conditions ?? []).map((c) => `${c.type} ${c.status} reason=${c.reason ?? ''} message=${c.message ?? ''}`);

/** Each container status's image as `-o json` prints it (the name the runtime reported), init containers first. */
export const statusImages = (pod: RawPod): string[] =>
  [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].map((c) => `${c.name} ${c.image ?? ''}`);

/** The keys of an object that hold a value (`-o json` prints Go's omitted fields as absent, some sources as null). */
const shownKeys = (o: object | undefined): string => Object.entries(o ?? {}).flatMap(([k, v]) => (v === null || v === undefined ? [] : [k])).sort().join(',');

/**
 * The fields the status shows, as `-o json` prints the object: the status's own, each condition's and each
 * container status's (init containers first), so that a field the cluster never wrote is seen where it appears.
 */
export const statusKeys = (pod: RawPod): string[] => {
  const status = pod.status ?? {};
  return [
    `status ${shownKeys(status)}`,
    ...(status.conditions ?? []).map((c) => `condition ${c.type} ${shownKeys(c)}`),
    ...[...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])].map((c) => `container ${c.name} ${shownKeys(c)}`),
  ];
};

/** A resource list with its names in order (Go's JSON encoder sorts a map's keys; `-o json` sorts every object's). */
const inOrder = (list: Readonly<Record<string, string>> | undefined): Array<readonly [string, string]> | undefined =>
  list === undefined ? undefined : Object.entries(list).sort(([a], [b]) => (a < b ? -1 : 1));

/** The pod-level `allocatedResources` and `resources` (`requests`, `limits`) with their quantities as `-o json` prints them. */
export const podLevelResources = (pod: RawPod): unknown => {
  const s = pod.status ?? {};
  return {
    allocatedResources: inOrder(s.allocatedResources),
    resources: s.resources === undefined ? undefined : { requests: inOrder(s.resources.requests), limits: inOrder(s.resources.limits) },
  };
};
