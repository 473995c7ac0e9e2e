/**
 * The shape of a generated incident: its tiers, its nodes and their memory-pressure episode, its
 * workloads, and the plan of each pod (where and when it lives, what befalls it), all derived from a seed.
 */
import type { PodRef } from '../events/common.js';
import { templates, type Fate, type Template } from './catalogue.js';
import { deriveSeed, Rng } from './prng.js';

export type TierName = 'S' | 'M' | 'L';

export interface TierParams {
  readonly pods: number;
  readonly nodes: number;
  /** Length of the incident window; events after it are not generated. */
  readonly spanMs: number;
  /** Interval of the periodic observations (a probe execution or a usage sample) of a running primary. */
  readonly tickMs: number;
}

/** About 10k, 150k and 2M events; 30 pods per node, as a busy production cluster runs. */
export const tiers: Readonly<Record<TierName, TierParams>> = {
  S: { pods: 100, nodes: 4, spanMs: 60 * 60_000, tickMs: 22_000 },
  M: { pods: 10_000, nodes: 334, spanMs: 60 * 60_000, tickMs: 60 * 60_000 },
  L: { pods: 150_000, nodes: 5_000, spanMs: 60 * 60_000, tickMs: 3 * 60 * 60_000 },
};

/** 2026-03-14T09:00:00.000Z: the incident's first instant (never the wall clock). */
const INCIDENT_START_MS = Date.UTC(2026, 2, 14, 9, 0, 0, 0);

export interface NodePlan {
  readonly index: number;
  readonly name: string;
  readonly internalIP: string;
  readonly registeredMs: number;
  readonly pressured: boolean;
}

export interface Cluster {
  readonly seed: number;
  readonly params: TierParams;
  readonly startMs: number;
  readonly endMs: number;
  /** The memory-pressure episode: pressured nodes report it from `pressureFromMs` until `pressureUntilMs`. */
  readonly pressureFromMs: number;
  readonly pressureUntilMs: number;
  readonly nodes: readonly NodePlan[];
  readonly workloads: readonly Workload[];
}

export interface Workload {
  readonly template: Template;
  readonly name: string;
  readonly uid: string;
  readonly hash: string;
}

export interface PodPlan {
  readonly index: number;
  readonly seed: number;
  readonly ref: PodRef;
  readonly workload: Workload;
  readonly node: NodePlan;
  readonly podIP: string;
  readonly createdMs: number;
  readonly fate: Fate;
  /** When an API deletion is requested (Infinity: never, within the window), and whether it is forced. */
  readonly deleteMs: number;
  readonly forced: boolean;
  /** When the kubelet evicts the pod for memory pressure (Infinity: never). */
  readonly evictMs: number;
}

const STREAM_NODES = 1;
const STREAM_WORKLOADS = 2;
const STREAM_PODS = 3;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** An RFC 4122 version-4 shaped uid. */
const uidOf = (rng: Rng): string => {
  const h = rng.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const ALPHANUM = 'bcdfghjklmnpqrstvwxz2456789';
const suffixOf = (rng: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHANUM[rng.int(ALPHANUM.length)];
  return s;
};

const weighted = <T>(rng: Rng, choices: ReadonlyArray<readonly [T, number]>): T => {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng.next() * total;
  for (const [value, w] of choices) {
    roll -= w;
    if (roll < 0) return value;
  }
  const last = choices[choices.length - 1];
  if (last === undefined) throw new Error('no choices');
  return last[0];
};

const nodePlan = (seed: number, index: number, count: number, startMs: number): NodePlan => {
  const rng = new Rng(deriveSeed(deriveSeed(seed, STREAM_NODES), index));
  return {
    index,
    name: `node-${pad(index, 5)}`,
    internalIP: `172.${16 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`,
    registeredMs: startMs + Math.floor(((index + rng.next()) * 50_000) / count),
    pressured: index % 25 === 1,
  };
};

const workloadOf = (seed: number, index: number): Workload => {
  const rng = new Rng(deriveSeed(deriveSeed(seed, STREAM_WORKLOADS), index));
  const template = weighted(rng, templates.map((t) => [t, t.weight] as const));
  return { template, name: `${template.base}-${index}`, uid: uidOf(rng), hash: suffixOf(rng, 10) };
};

export const clusterOf = (params: TierParams, seed: number): Cluster => {
  const startMs = INCIDENT_START_MS;
  const pressureFromMs = startMs + Math.floor(params.spanMs * 0.45);
  return {
    seed,
    params,
    startMs,
    endMs: startMs + params.spanMs,
    pressureFromMs,
    pressureUntilMs: pressureFromMs + 15 * 60_000,
    nodes: Array.from({ length: params.nodes }, (_, i) => nodePlan(seed, i, params.nodes, startMs)),
    workloads: Array.from({ length: Math.max(8, Math.ceil(params.pods / 25)) }, (_, i) => workloadOf(seed, i)),
  };
};

/** The name a controller of the workload's kind gives its `ordinal`-th pod. */
const podNameOf = (w: Workload, rng: Rng, ordinal: number): string => {
  switch (w.template.kind) {
    case 'Deployment':
      return `${w.name}-${w.hash}-${suffixOf(rng, 5)}`;
    case 'StatefulSet':
      return `${w.name}-${ordinal}`;
    case 'Job':
      return `${w.name}-${pad(ordinal, 6)}-${suffixOf(rng, 5)}`;
    case 'DaemonSet':
      return `${w.name}-${suffixOf(rng, 5)}`;
  }
};

/**
 * Creation instants rise with the pod index: 60 % of the pods make the initial fleet, created within
 * five minutes of the nodes; the rest are spread over the window (rollouts, replacements, batch runs).
 */
const createdMsOf = (c: Cluster, index: number, rng: Rng): number => {
  const fleet = Math.ceil(c.params.pods * 0.6);
  const fleetFrom = c.startMs + 60_000;
  const laterFrom = fleetFrom + 5 * 60_000;
  const [from, span, k, n] =
    index < fleet
      ? [fleetFrom, 5 * 60_000, index, fleet]
      : [laterFrom, c.endMs - 5 * 60_000 - laterFrom, index - fleet, c.params.pods - fleet];
  const step = span / Math.max(1, n);
  return Math.floor(from + k * step + rng.next() * step);
};

export const podPlanOf = (c: Cluster, index: number): PodPlan => {
  const rng = new Rng(deriveSeed(deriveSeed(c.seed, STREAM_PODS), index));
  const workload = c.workloads[rng.int(c.workloads.length)] ?? c.workloads[0];
  if (workload === undefined) throw new Error('a cluster has workloads');
  const t = workload.template;
  const node = (t.kind === 'DaemonSet' ? c.nodes[index % c.nodes.length] : c.nodes[rng.int(c.nodes.length)]) ?? c.nodes[0];
  if (node === undefined) throw new Error('a cluster has nodes');
  const createdMs = createdMsOf(c, index, rng);
  const deleted = t.kind !== 'Job' && rng.chance(0.35);
  const evicted = node.pressured && !t.critical && rng.chance(0.5);
  const slot = (index * 7919) % 90;
  return {
    index,
    seed: rng.u32(),
    ref: { namespace: t.namespace, name: podNameOf(workload, rng, index), uid: uidOf(rng) },
    workload,
    node,
    podIP: `10.${(node.index >> 8) & 255}.${node.index & 255}.${2 + rng.int(250)}`,
    createdMs,
    fate: weighted(rng, t.fates),
    deleteMs: deleted ? createdMs + rng.between(2 * 60_000, c.params.spanMs) : Number.POSITIVE_INFINITY,
    forced: rng.chance(0.15),
    evictMs: evicted ? c.pressureFromMs + slot * 10_000 + rng.int(10_000) : Number.POSITIVE_INFINITY,
  };
};
