/** The options every read verb shares: `--at`, `--as-of`, and the state they select from a journal. */
import type { Command } from 'commander';
import type { Instant } from '../k8s/codecs.js';
import type { Journal } from '../journal/index.js';
import type { V1Pod } from '../k8s/pod.js';
import type { ClusterState, PodState } from '../reducers/index.js';
import { rowKey, type RowLine } from '../printers/row-line.js';
import { compareStorageKeys } from '../printers/go-sort.js';
import { namespacesAtHead, rowsAtHead } from '../timetravel/head-rows.js';
import type { GlobalOptions } from './context.js';
import { asOfOption, instantOption, outsideJournal } from './instants.js';
import { packageVersion } from './version.js';
import { namespaceOrDefault } from '../k8s/namespace.js';

export interface ReadOptions extends GlobalOptions {
  readonly at?: string;
  readonly asOf?: string;
}

export const addReadOptions = (cmd: Command): Command =>
  cmd
    .option('--at <T>', 'answer as of this valid time: RFC 3339, +DURATION from the first event, -DURATION back from the last, or HH:MM[:SS] (UTC) on the journal\'s day')
    .option('--as-of <R>', 'use only what had been recorded by this time (bitemporal): RFC 3339, or ±DURATION from the first / last record time');

/** A pod's namespace and name. */
export interface PodKey {
  readonly namespace: string;
  readonly name: string;
}

/** The instant a read answers at, and the clock its ages are counted from: the journal's end by default. */
export interface ReadPoint {
  readonly at?: Instant;
  readonly asOf?: Instant;
  readonly now: Date;
}

/** The point a read answers at; `warn` hears when `--at` lies outside the journal. */
export const readPoint = async (journal: Journal, opts: ReadOptions, warn: (line: string) => void = () => undefined): Promise<ReadPoint> => {
  const at = instantOption(journal, '--at', opts.at);
  const asOf = await asOfOption(journal, opts.asOf);
  const outside = outsideJournal(journal, at);
  if (outside !== undefined) warn(`${outside}\n`);
  const end = at ?? journal.lastAt();
  return { at, asOf, now: end === undefined ? new Date(0) : new Date(end) };
};

/** The cluster at the read point, from the nearest snapshot and the events after it (loaded only by reads that fold). */
export const stateAt = async (journal: Journal, point: ReadPoint): Promise<ClusterState> => {
  const { clusterAt, timeTravel } = await import('../timetravel/time-travel.js');
  return clusterAt(timeTravel(journal, packageVersion()), point.at, point.asOf);
};

/**
 * The pods at the read point in `namespace` (in every namespace without it). The namespace is read before
 * the pod is built, so only the pods kept have their container statuses generated.
 */
export const podsAt = async (journal: Journal, point: ReadPoint, namespace?: string): Promise<V1Pod[]> => (await podStatesAt(journal, point, namespace)).map((s) => s.pod);

/** The folded pods at the read point in `namespace` (in every namespace without it), their v1 Pods not yet built. */
export const podStatesAt = async (journal: Journal, point: ReadPoint, namespace?: string): Promise<PodState[]> => {
  const { baseOf } = await import('../reducers/index.js');
  const states = [...(await stateAt(journal, point)).pods.values()];
  return namespace === undefined ? states : states.filter((s) => namespaceOrDefault(baseOf(s).metadata.namespace) === namespace);
};

/**
 * The `get pods` rows at the read point in `namespace` (every namespace without it): at the end from the head
 * table, which holds them by namespace, so no history is read; at `--at` from the nearest snapshot's rows and
 * the pods changed since; undefined with `--as-of` (snapshots fold everything recorded).
 */
export const rowsAt = async (journal: Journal, point: ReadPoint, namespace?: string): Promise<RowLine[] | undefined> => {
  if (point.asOf !== undefined) return undefined;
  if (point.at === undefined) return rowsAtHead(journal, namespace);
  const [{ rowsAt: rowsAtInstant }, { timeTravel }] = await Promise.all([import('../timetravel/rows-at.js'), import('../timetravel/time-travel.js')]);
  const rows = await rowsAtInstant(timeTravel(journal, packageVersion()), point.at);
  return namespace === undefined ? rows : rows.filter((r) => namespaceOrDefault(rowKey(r).namespace) === namespace);
};

/**
 * The pods in `namespace` (every namespace without it) at the read point, in the API server's list order (their
 * storage keys, `compareStorageKeys`): at the end from the head table's rows.
 */
export const podKeysAt = async (journal: Journal, point: ReadPoint, namespace?: string): Promise<PodKey[]> => {
  const rows = await rowsAt(journal, point, namespace);
  const keys =
    rows?.map((r) => rowKey(r)) ??
    (await podsAt(journal, point, namespace)).map((p) => ({ namespace: p.metadata.namespace ?? '', name: p.metadata.name ?? '' }));
  return keys
    .map((k) => ({ namespace: namespaceOrDefault(k.namespace), name: k.name }))
    .sort((a, b) => compareStorageKeys(a.namespace, a.name, b.namespace, b.name));
};

/** The namespaces holding pods at the point: at the end, the head table's part names, no pod read. */
export const namespacesAt = async (journal: Journal, point: ReadPoint): Promise<string[]> => {
  const atHead = point.at === undefined && point.asOf === undefined ? await namespacesAtHead(journal) : undefined;
  return atHead ?? [...new Set((await podsAt(journal, point)).map((p) => namespaceOrDefault(p.metadata.namespace)))];
};
