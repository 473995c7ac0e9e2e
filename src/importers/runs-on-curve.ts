/**
 * Container runs no source timed, placed where the kubelet puts them. A status with `restartCount: N` shows
 * only the last run (or two); a counted `Created`/`Started` Event only its first and last occurrence. Between
 * two recorded starts, the unrecorded runs follow the back-off curve (`backoff-curve.ts`): each lasts as long
 * as the container's recorded runs did (else they share what the curve leaves), each restart waits its
 * back-off after the exit before it, and whatever time is left over is spread evenly over the waits (the
 * kubelet restarts at the first sync after the back-off ends, not at its very end). No run starts before the
 * init containers ahead of it completed. Unrecorded exits are inferred at the end of each run; the counted
 * `BackOff` occurrences between their recorded first and last are spread over the back-off windows only.
 * Everything moved or added here keeps its `interpolated`/`inferred` certainty, so it is marked inferred.
 */
import { derivedProvenance, type EventOf } from '../events/index.js';
import { instantOf, msOf } from '../k8s/codecs.js';
import type { PodSpec } from '../k8s/pod.js';
import { INITIAL_BACKOFF_SECONDS, restartStep } from './backoff-curve.js';
import { containerKeyOf } from './build.js';
import type { Imported } from './imported.js';
import { inferredExit, podSpecsOf, restartedExitModel } from './instances.js';

interface Timed {
  readonly ms: number;
  readonly exact: boolean;
}

interface Run {
  start?: Timed;
  exit?: Timed;
}

/** Run times placed by this pass, by run number. */
interface Placed {
  readonly starts: Map<number, number>;
  readonly exits: Map<number, number>;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export interface Segment {
  /** Recorded starts of runs a and b = a + n. */
  readonly startA: number;
  readonly startB: number;
  readonly n: number;
  /** Run a's recorded exit, if any. */
  readonly exitA?: number;
  /** How long the container's recorded runs lasted (their mean), if any run was recorded whole. */
  readonly typicalRun?: number;
  /** Back-off steps taken before run a. */
  readonly steps: number;
}

/** Exits of runs a .. b-1 and starts of runs a+1 .. b-1 (ms), on the curve between two recorded starts. */
export const placeSegment = (s: Segment): { readonly exits: number[]; readonly starts: number[]; readonly steps: number } => {
  const span = s.startB - s.startA;
  const fixed = Array.from({ length: s.n }, (_, i) => (i === 0 && s.exitA !== undefined ? s.exitA - s.startA : undefined));
  const curve = (durations: readonly number[]): { delays: number[]; steps: number } => {
    let steps = s.steps;
    const delays = durations.map((d) => {
      const step = restartStep(steps, d);
      steps = step.steps;
      return step.delaySeconds * 1000;
    });
    return { delays, steps };
  };
  const unknown = fixed.filter((f) => f === undefined).length;
  let durations = fixed.map((f) => f ?? s.typicalRun ?? 0);
  let { delays, steps } = curve(durations);
  if (s.typicalRun === undefined && unknown > 0) {
    // Twice: a share above 10 minutes resets the curve, which changes the waits and so the share.
    for (let pass = 0; pass < 2; pass++) {
      const share = Math.max(0, (span - sum(fixed.map((f) => f ?? 0)) - sum(delays)) / unknown);
      durations = fixed.map((f) => f ?? share);
      ({ delays, steps } = curve(durations));
    }
  }
  let slack = span - sum(durations) - sum(delays);
  if (slack < 0) {
    // The recorded times are closer than the curve allows: shorten the unrecorded runs, then the waits.
    const free = sum(durations.filter((_, i) => fixed[i] === undefined));
    const keep = free > 0 ? Math.max(0, free + slack) / free : 0;
    durations = durations.map((d, i) => (fixed[i] === undefined ? d * keep : d));
    const waits = sum(delays);
    const room = Math.max(0, span - sum(durations));
    if (waits > room) delays = delays.map((d) => (waits === 0 ? 0 : (d * room) / waits));
    slack = Math.max(0, span - sum(durations) - sum(delays));
  }
  const extra = slack / s.n;
  const exits: number[] = [];
  const starts: number[] = [];
  let t = s.startA;
  for (let i = 0; i < s.n; i++) {
    const exit = Math.min(t + (durations[i] ?? 0), s.startB);
    exits.push(exit);
    t = exit + (delays[i] ?? 0) + extra;
    if (i < s.n - 1) starts.push(t);
  }
  return { exits, starts, steps };
};

type RunFact = EventOf<'ContainerCreated' | 'ContainerStarted' | 'ContainerExited' | 'ImagePulled'>;

const isRunFact = (i: Imported): i is Imported & { readonly event: RunFact; readonly instance: number } =>
  i.instance !== undefined &&
  (i.event.type === 'ContainerCreated' || i.event.type === 'ContainerStarted' || i.event.type === 'ContainerExited' || i.event.type === 'ImagePulled');

const timed = (i: Imported): Timed => ({ ms: msOf(i.event.at), exact: i.certainty === 'exact' });

/** Runs of one container from its facts: a start is the `Started` of the run, else its `Created`. */
const runsOf = (facts: readonly Imported[]): Run[] => {
  const runs: Run[] = [];
  const created: Timed[] = [];
  for (const f of facts) {
    if (!isRunFact(f)) continue;
    const run = (runs[f.instance] ??= {});
    if (f.event.type === 'ContainerStarted') run.start = timed(f);
    else if (f.event.type === 'ContainerExited') run.exit = timed(f);
    else if (f.event.type === 'ContainerCreated') created[f.instance] = timed(f);
  }
  created.forEach((c, k) => {
    const run = (runs[k] ??= {});
    run.start ??= c;
  });
  return runs;
};

/** The mean length of the runs recorded whole. */
const typicalRunOf = (runs: readonly Run[]): number | undefined => {
  const whole = runs.flatMap((r) => (r?.start?.exact === true && r.exit?.exact === true ? [r.exit.ms - r.start.ms] : []));
  return whole.length === 0 ? undefined : sum(whole) / whole.length;
};

/** Places the unrecorded runs between recorded starts; `lowerBound`: when the init containers ahead completed. */
const placeRuns = (runs: readonly Run[], lowerBound: number | undefined): Placed => {
  const placed: Placed = { starts: new Map(), exits: new Map() };
  const first = runs[0]?.start;
  const anchors: { readonly k: number; readonly ms: number }[] = [];
  if (first !== undefined && !first.exact) {
    const ms = Math.max(first.ms, lowerBound ?? first.ms);
    anchors.push({ k: 0, ms });
    placed.starts.set(0, ms);
  }
  runs.forEach((r, k) => {
    if (r?.start?.exact === true) anchors.push({ k, ms: r.start.ms });
  });
  const typicalRun = typicalRunOf(runs);
  let steps = anchors[0]?.k ?? 0;
  for (let j = 1; j < anchors.length; j++) {
    const a = anchors[j - 1];
    const b = anchors[j];
    if (a === undefined || b === undefined) continue;
    const exitA = runs[a.k]?.exit;
    const segment = placeSegment({
      startA: a.ms,
      startB: b.ms,
      n: b.k - a.k,
      ...(exitA?.exact === true && { exitA: exitA.ms }),
      ...(typicalRun !== undefined && { typicalRun }),
      steps,
    });
    steps = segment.steps;
    segment.exits.forEach((ms, i) => {
      if (runs[a.k + i]?.exit?.exact !== true) placed.exits.set(a.k + i, ms);
    });
    segment.starts.forEach((ms, i) => placed.starts.set(a.k + 1 + i, ms));
  }
  return placed;
};

/** A wait of the kubelet's back-off: from run `k`'s exit to the next start (or, after the last exit, the delay). */
interface BackOffWindow {
  readonly k: number;
  readonly from: number;
  readonly to: number;
  readonly delaySeconds: number;
  /** After the container's last exit: whether it waits at all, the source's own status says. */
  readonly last: boolean;
}

/** The windows in which the kubelet was backing off, from the runs as placed: [exit, next start). */
const backOffWindows = (starts: readonly (number | undefined)[], exits: readonly (number | undefined)[]): BackOffWindow[] => {
  const windows: BackOffWindow[] = [];
  let steps = 0;
  const top = Math.max(starts.length, exits.length) - 1;
  for (let k = 0; k <= top; k++) {
    const start = starts[k];
    const exit = exits[k];
    if (start === undefined || exit === undefined) continue;
    const step = restartStep(steps, exit - start);
    steps = step.steps;
    const next = starts[k + 1];
    if (next !== undefined && step.delaySeconds > 0) windows.push({ k, from: exit, to: next, delaySeconds: step.delaySeconds, last: false });
    // After the last exit the container waits (a BackOff after it says so): at least the initial delay.
    if (k === top) {
      const delaySeconds = Math.max(step.delaySeconds, INITIAL_BACKOFF_SECONDS);
      windows.push({ k, from: exit, to: exit + delaySeconds * 1000, delaySeconds, last: true });
    }
  }
  return windows;
};

/** Counted occurrences between two recorded ones, spread evenly over the time spent inside the windows. */
const spreadOverWindows = (from: number, to: number, count: number, windows: readonly BackOffWindow[]): number[] | undefined => {
  const inside = windows.map((w): [number, number] => [Math.max(w.from, from), Math.min(w.to, to)]).filter(([a, b]) => b > a);
  const total = sum(inside.map(([a, b]) => b - a));
  if (total === 0) return undefined;
  return Array.from({ length: count }, (_, j) => {
    let left = (total * (j + 1)) / (count + 1);
    for (const [a, b] of inside) {
      if (left <= b - a) return a + left;
      left -= b - a;
    }
    return to;
  });
};

const at = (ms: number) => instantOf(Math.round(ms));

/** One container's facts, re-timed; inferred exits for the runs placed without one are appended. */
const placeContainer = (facts: Imported[], lowerBound: number | undefined, reported: boolean, spec: PodSpec | undefined): Imported[] => {
  const runs = runsOf(facts);
  const placed = placeRuns(runs, lowerBound);
  // A run a reset removed ended there, without an exit and without a back-off after it (`restart-all.ts`).
  for (const f of facts) if (f.event.type === 'ContainerRemoved' && f.instance !== undefined) placed.exits.delete(f.instance);
  const starts = runs.map((r, k) => placed.starts.get(k) ?? r?.start?.ms);
  const exits = runs.map((r, k) => placed.exits.get(k) ?? r?.exit?.ms);
  // The kubelet backs off only a dead container: a recorded BackOff inside a placed run ends that run.
  for (const f of facts) {
    if (f.event.type !== 'ContainerBackOff' || f.certainty !== 'exact') continue;
    const t = msOf(f.event.at);
    const k = starts.findIndex((s, i) => s !== undefined && s <= t && (exits[i] ?? -Infinity) > t && placed.exits.has(i));
    if (k >= 0) {
      exits[k] = t;
      placed.exits.set(k, t);
    }
  }
  const out = facts.map((f): Imported => {
    if (f.certainty === 'exact' || !isRunFact(f)) return f;
    const ms = f.event.type === 'ContainerExited' ? placed.exits.get(f.instance) : placed.starts.get(f.instance);
    return ms === undefined ? f : { ...f, event: { ...f.event, at: at(ms) } };
  });
  const model = facts.find((f) => f.event.type === 'ContainerExited' && f.certainty === 'exact');
  const exited = new Set(facts.flatMap((f) => (f.event.type === 'ContainerExited' && f.instance !== undefined ? [f.instance] : [])));
  for (const [k, ms] of placed.exits) {
    const run = facts.find((f) => f.instance === k && (f.event.type === 'ContainerStarted' || f.event.type === 'ContainerCreated'));
    if (exited.has(k) || run === undefined || !isRunFact(run) || run.event.type === 'ImagePulled') continue;
    const exit = inferredExit(run.event, restartedExitModel(model?.event.type === 'ContainerExited' ? model.event : undefined, spec, run.event.container));
    out.push({ event: { ...exit, at: at(ms) }, origin: run.origin, certainty: 'inferred', instance: k });
  }
  const windows = backOffWindows(starts, exits);
  return withWaitsShown(respreadBackOffs(out, windows), windows, reported);
};

/**
 * A restart that waited out a back-off with no BackOff recorded in its window (a status shows only the last
 * wait, and Events may be gone): the kubelet's next sync after the exit published `CrashLoopBackOff` there
 * (`kuberuntime_manager.go :: doBackOff`), so an inferred one opens each such window, with the curve's delay.
 * Without it the rebuilt past would show the crashed run's `Error` for the whole wait, which no kubelet shows.
 * When this import or the journal (`reported`) has the container's BackOff Events, they say how often it was
 * reported: none is added.
 */
const withWaitsShown = (facts: Imported[], windows: readonly BackOffWindow[], reported: boolean): Imported[] => {
  const backOffs = facts.filter((f) => f.event.type === 'ContainerBackOff');
  if (reported || backOffs.some((f) => f.origin === 'events')) return facts;
  const recorded = backOffs.map((f) => msOf(f.event.at));
  // Each run's exit by run number, found once (a status may imply thousands of runs).
  const exits = new Map(facts.flatMap((f) => (f.event.type === 'ContainerExited' && f.instance !== undefined ? [[f.instance, { f, exit: f.event }] as const] : [])));
  const shown = [...facts];
  for (const w of windows) {
    if (w.last || w.to <= w.from || recorded.some((t) => t >= w.from && t < w.to)) continue;
    const run = exits.get(w.k);
    if (run === undefined) continue;
    const { v, pod, container, from } = run.exit;
    const event: EventOf<'ContainerBackOff'> = {
      type: 'ContainerBackOff',
      v,
      at: at(w.from),
      source: 'kubelet',
      pod,
      container,
      delaySeconds: w.delaySeconds,
      until: at(w.from + w.delaySeconds * 1000),
      ...derivedProvenance(from),
    };
    shown.push({ event, origin: run.f.origin, certainty: 'inferred' });
  }
  return shown;
};

/** Interpolated BackOff occurrences between two recorded ones, moved into the back-off windows. */
const respreadBackOffs = (facts: Imported[], windows: readonly BackOffWindow[]): Imported[] => {
  const backOffs = facts.map((f, n) => ({ f, n })).filter(({ f }) => f.event.type === 'ContainerBackOff');
  backOffs.sort((x, y) => msOf(x.f.event.at) - msOf(y.f.event.at));
  const out = [...facts];
  let anchor: number | undefined;
  for (let j = 0; j < backOffs.length; j++) {
    const here = backOffs[j];
    if (here === undefined || here.f.certainty !== 'exact') continue;
    const between = anchor === undefined ? [] : backOffs.slice(anchor + 1, j);
    const from = anchor === undefined ? undefined : backOffs[anchor];
    if (from !== undefined && between.length > 0) {
      const spread = spreadOverWindows(msOf(from.f.event.at), msOf(here.f.event.at), between.length, windows);
      between.forEach(({ f, n }, i) => {
        const ms = spread?.[i];
        if (ms !== undefined) out[n] = { ...f, event: { ...f.event, at: at(ms) } };
      });
    }
    anchor = j;
  }
  return out;
};

/** Per pod uid: its init containers in order, each with whether it is a sidecar (`restartPolicy: Always`). */
const initContainersOf = (items: readonly Imported[]): Map<string, { readonly name: string; readonly sidecar: boolean }[]> =>
  new Map(
    items.flatMap((i) =>
      i.event.type === 'PodCreated'
        ? [[i.event.pod.uid, (i.event.manifest.spec.initContainers ?? []).map((c) => ({ name: c.name, sidecar: c.restartPolicy === 'Always' }))] as const]
        : [],
    ),
  );

/**
 * Every container's unrecorded runs placed on the curve, init containers first (they bound what follows).
 * `reported`: the containers (`uid/name`) whose back-offs the journal already holds from their Events.
 */
export const placeRunsOnCurve = (items: readonly Imported[], reported: ReadonlySet<string>): Imported[] => {
  const inits = initContainersOf(items);
  const specs = podSpecsOf(items);
  /** Positions in `items` of each container's facts: they are re-timed in place, new exits go last. */
  const byContainer = new Map<string, number[]>();
  items.forEach((i, n) => {
    if ((isRunFact(i) || i.event.type === 'ContainerBackOff' || i.event.type === 'ContainerRemoved') && 'container' in i.event) {
      const key = containerKeyOf(i.event);
      const positions = byContainer.get(key);
      if (positions === undefined) byContainer.set(key, [n]);
      else positions.push(n);
    }
  });
  const rank = (key: string): number => {
    const [uid = '', container = ''] = key.split('/');
    const k = (inits.get(uid) ?? []).findIndex((c) => c.name === container);
    return k < 0 ? Number.MAX_SAFE_INTEGER : k;
  };
  const out = [...items];
  const added: Imported[] = [];
  for (const key of [...byContainer.keys()].sort((a, b) => rank(a) - rank(b))) {
    const [uid = '', container = ''] = key.split('/');
    const positions = byContainer.get(key) ?? [];
    const ahead = (inits.get(uid) ?? []).slice(0, rank(key)).filter((c) => c.name !== container);
    const bounds = ahead.flatMap((c) => {
      const facts = [
        ...(byContainer.get(`${uid}/${c.name}`) ?? []).flatMap((n) => (out[n] === undefined ? [] : [out[n]])),
        ...added.filter((f) => 'container' in f.event && containerKeyOf(f.event) === `${uid}/${c.name}`),
      ];
      const times = facts.filter((f) => f.event.type === (c.sidecar ? 'ContainerStarted' : 'ContainerExited')).map((f) => msOf(f.event.at));
      return times.length === 0 ? [] : [c.sidecar ? Math.min(...times) : Math.max(...times)];
    });
    const facts = positions.flatMap((n) => (items[n] === undefined ? [] : [items[n]]));
    const placed = placeContainer(facts, bounds.length === 0 ? undefined : Math.max(...bounds), reported.has(key), specs.get(uid));
    positions.forEach((n, j) => {
      const f = placed[j];
      if (f !== undefined) out[n] = f;
    });
    added.push(...placed.slice(positions.length));
  }
  return [...out, ...added];
};
