/** The options every read verb shares: `--at`, `--as-of`, and the state they select from a journal. */
import type { Command } from 'commander';
import type { Instant } from '../k8s/codecs.js';
import type { Journal } from '../journal/index.js';
import type { V1Pod } from '../k8s/pod.js';
import { podsOf, type ClusterState } from '../reducers/index.js';
import { namespacesAtHead, podsAtHead } from '../timetravel/head-table.js';
import { clusterAt, timeTravel } from '../timetravel/time-travel.js';
import type { GlobalOptions } from './context.js';
import { asOfOption, instantOption, outsideJournal } from './instants.js';
import { packageVersion } from './version.js';

export interface ReadOptions extends GlobalOptions {
  readonly at?: string;
  readonly asOf?: string;
}

export const addReadOptions = (cmd: Command): Command =>
  cmd
    .option('--at <T>', 'answer as of this valid time: RFC 3339, +DURATION from the first event, or -DURATION back from the last')
    .option('--as-of <R>', 'use only what had been recorded by this time (bitemporal): RFC 3339, or ±DURATION from the first / last record time');

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

export const stateAt = (journal: Journal, point: ReadPoint): Promise<ClusterState> =>
  clusterAt(timeTravel(journal, packageVersion()), point.at, point.asOf);

/**
 * The pods at the read point in `namespace` (every namespace without it): at the end, from the head table,
 * which holds them by namespace, so no history is read; else, or without a usable table, folded.
 */
export const podsAt = async (journal: Journal, point: ReadPoint, namespace?: string): Promise<V1Pod[]> => {
  const atHead = point.at === undefined && point.asOf === undefined ? await podsAtHead(journal, namespace) : undefined;
  return atHead ?? podsOf(await stateAt(journal, point));
};

/** The namespaces holding pods at the point: at the end, the head table's part names, no pod read. */
export const namespacesAt = async (journal: Journal, point: ReadPoint): Promise<string[]> => {
  const atHead = point.at === undefined && point.asOf === undefined ? await namespacesAtHead(journal) : undefined;
  return atHead ?? [...new Set((await podsAt(journal, point)).map((p) => p.metadata.namespace ?? 'default'))];
};
