/**
 * The World a scenario describes: its container, probe, hook, memory and registry behaviors turned into the
 * pure answers the engine asks for, with the documented defaults for everything the scenario leaves out.
 */
import type { PodRef } from '../events/index.js';
import type { ContainerRun, HookAnswer, NodeUsage, PullAnswer, TermReaction, VirtualMs, World } from '../engine/world.js';
import type { ContainerBehavior, ExitRule, Hook, ImageBehavior, ProbeRule, Use } from './format.js';

/** What the scenario leaves unsaid. */
export const DEFAULTS = {
  /** Every pull succeeds in this time unless `images` says otherwise. */
  pullMs: 1000,
  /** postStart and preStop return at once. */
  hookMs: 0,
  /** SIGTERM with no handler: the signal's default action ends the process at once, exit 128 + 15. */
  sigterm: { afterMs: 0, code: 143 },
} as const;

export interface Behaviors {
  /** `namespace/name` → container name → behavior. */
  readonly containers: ReadonlyMap<string, ReadonlyMap<string, ContainerBehavior>>;
  readonly images: Readonly<Record<string, ImageBehavior>>;
  /** `namespace/name` → emptyDir volume name → its use from the pod's start. */
  readonly volumes: ReadonlyMap<string, ReadonlyMap<string, Use>>;
  /** Node name → its own disk and process use (nodes the scenario says nothing of use nothing). */
  readonly nodes: ReadonlyMap<string, NodeUsage>;
  /** The scenario's start: `at` and `from`/`to` offsets count from here. */
  readonly startMs: VirtualMs;
}

const runsOf = (rule: ExitRule): number =>
  rule.runs === undefined || rule.runs === 'all' ? Number.POSITIVE_INFINITY : rule.runs === 'once' ? 1 : rule.runs;

/** The rule covering the `run`-th start: rules take their runs in order, and none may be left (keeps running). */
const exitRuleFor = (rules: readonly ExitRule[], run: number): ExitRule | undefined => {
  let remaining = run;
  for (const rule of rules) {
    if (remaining < runsOf(rule)) return rule;
    remaining -= runsOf(rule);
  }
  return undefined;
};

const exitOf = (rules: readonly ExitRule[], run: number, startedAt: VirtualMs, startMs: VirtualMs): ContainerRun => {
  const rule = exitRuleFor(rules, run);
  if (rule === undefined) return {};
  const afterMs = rule.kind === 'after' ? rule.value : Math.max(0, startMs + rule.value - startedAt);
  return { exit: { afterMs, code: rule.code } };
};

const within = (value: number, from: number | undefined, to: number | undefined): boolean =>
  (from === undefined || value >= from) && (to === undefined || value < to);

/** Times in ms from the scenario's start: `now` and the instance's start. */
const ruleHolds = (rule: ProbeRule, now: number, started: number): boolean =>
  within(now, rule.value.from, rule.value.to) &&
  within(now - started, rule.value.fromStart, rule.value.toStart) &&
  within(started, undefined, rule.value.startedBefore);

const NO_NODE_USAGE: NodeUsage = { diskUsedBytes: 0n, processes: 0 };

/** An amount (`memory`, `disk`, `pids`, a volume's) `elapsedMs` into what it counts from. */
const useAt = (use: Use, elapsedMs: number): bigint => {
  if (typeof use === 'bigint') return use;
  if ('steps' in use) {
    const step = [...use.steps].reverse().find((s) => s.after <= elapsedMs);
    return step?.use ?? 0n;
  }
  const grown = (use.from ?? 0n) + BigInt(Math.floor(use.grows * elapsedMs));
  return use.max !== undefined && grown > use.max ? use.max : grown;
};

const hookAnswer = (hook: Hook | undefined): HookAnswer => ({
  durationMs: hook?.takes ?? DEFAULTS.hookMs,
  ...(hook?.fails !== undefined ? { failure: hook.fails } : {}),
});

/** The runtime's message for an image that cannot be found, as containerd words it. */
export const pullFailureMessage = (image: string): string =>
  `rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`;

/** `sinceStart`: the pull's offset from the scenario's start. */
const pullOf = (
  behavior: ImageBehavior | undefined,
  image: string,
  attempt: number,
  sinceStart: number,
): PullAnswer => {
  const fails =
    behavior?.fails === 'always' ||
    (behavior?.fails !== undefined && attempt < behavior.fails) ||
    (behavior?.failsUntil !== undefined && sinceStart < behavior.failsUntil);
  return fails
    ? { ok: false, message: behavior?.message ?? pullFailureMessage(image) }
    : { ok: true, durationMs: behavior?.takes ?? DEFAULTS.pullMs };
};

export const buildWorld = (behaviors: Behaviors): World => {
  // the engine asks about the same pods again and again, each with one PodRef object: look each up once
  const byRef = new WeakMap<PodRef, ReadonlyMap<string, ContainerBehavior> | undefined>();
  const of = (pod: PodRef, container: string): ContainerBehavior => {
    let containers = byRef.get(pod);
    if (containers === undefined && !byRef.has(pod)) {
      containers = behaviors.containers.get(`${pod.namespace}/${pod.name}`);
      byRef.set(pod, containers);
    }
    return containers?.get(container) ?? {};
  };
  const exitRules = (b: ContainerBehavior): readonly ExitRule[] =>
    b.exit === undefined ? [] : Array.isArray(b.exit) ? b.exit : [b.exit];

  return {
    containerRun: (pod, container, run, startedAt) =>
      exitOf(exitRules(of(pod, container)), run, startedAt, behaviors.startMs),
    probe: (pod, container, kind, now, startedAt) => {
      const rule = (of(pod, container)[kind] ?? []).find((r) =>
        ruleHolds(r, now - behaviors.startMs, startedAt - behaviors.startMs),
      );
      if (rule === undefined || rule.kind === 'pass') return { outcome: 'success' };
      return { outcome: 'failure', ...(rule.value.output !== undefined ? { output: rule.value.output } : {}) };
    },
    memoryBytes: (pod, container, now, startedAt) => {
      const use = of(pod, container).memory;
      return use === undefined ? 0n : useAt(use, Math.max(0, now - startedAt));
    },
    diskBytes: (pod, container, now, startedAt) => {
      const use = of(pod, container).disk;
      return use === undefined ? 0n : useAt(use, Math.max(0, now - startedAt));
    },
    processes: (pod, container, now, startedAt) => {
      const use = of(pod, container).pids;
      return use === undefined ? 0 : Number(useAt(use, Math.max(0, now - startedAt)));
    },
    volumeBytes: (pod, volume, now, podStartedAt) => {
      const use = behaviors.volumes.get(`${pod.namespace}/${pod.name}`)?.get(volume);
      return use === undefined ? 0n : useAt(use, Math.max(0, now - podStartedAt));
    },
    nodeUsage: (node) => behaviors.nodes.get(node) ?? NO_NODE_USAGE,
    pull: (_node, image, now, attempt = 0) => pullOf(behaviors.images[image], image, attempt, now - behaviors.startMs),
    postStart: (pod, container) => hookAnswer(of(pod, container).postStart),
    preStop: (pod, container) => hookAnswer(of(pod, container).preStop),
    onSigterm: (pod, container): TermReaction | undefined => {
      const sigterm = of(pod, container).sigterm;
      if (sigterm === 'ignore') return undefined;
      // a scenario that writes `sigterm: { … }` says the process handles it: exit 0 unless it gives a code
      return sigterm === undefined ? DEFAULTS.sigterm : { afterMs: sigterm.exitsAfter ?? 0, code: sigterm.code ?? 0 };
    },
  };
};
