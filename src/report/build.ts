/**
 * A report's data from a journal's records in valid-time order: one pass, one fold (the timeline's), then
 * the pods and nodes in scope. Lanes keep every step, even before `from`, so a cursor anywhere in the
 * window finds the row kubectl would print.
 */
import type { JournalRecord } from '../journal/index.js';
import { compareStorageKeys } from '../printers/go-sort.js';
import { selectorMatches, type Requirement } from '../selectors/index.js';
import { timelineOfPages } from '../timetravel/timeline.js';
import type { PodLane, ReportData } from './model.js';
import { Interner } from './markers.js';
import { NodeLanes } from './nodes.js';
import { PodLanes } from './pods.js';

export interface ReportScope {
  /** Undefined: every namespace (`-A`). */
  readonly namespace?: string;
  readonly selector: readonly Requirement[];
  readonly selectorText: string;
  readonly names: readonly string[];
  /** The window drawn, epoch ms; undefined: the journal's first or last event. */
  readonly from?: number;
  readonly to?: number;
  readonly title?: string;
}

async function* observed(
  pages: AsyncIterable<readonly JournalRecord[]>,
  see: (record: JournalRecord) => void,
): AsyncGenerator<readonly JournalRecord[]> {
  for await (const page of pages) {
    for (const record of page) see(record);
    yield page;
  }
}

/** When the pod is in the API: from its first step until the step that removes it (or for ever). */
const lifespan = (lane: PodLane): [number, number] => {
  const first = lane.steps[0]?.at ?? Number.POSITIVE_INFINITY;
  const gone = lane.steps.find((s) => s.row === undefined)?.at ?? Number.POSITIVE_INFINITY;
  return [first, gone];
};

const inScope = (lane: PodLane, scope: ReportScope, from: number, to: number): boolean => {
  const [born, gone] = lifespan(lane);
  return (
    (scope.namespace === undefined || lane.namespace === scope.namespace) &&
    (scope.names.length === 0 || scope.names.includes(lane.name)) &&
    lane.labels.some((l) => selectorMatches(scope.selector, l.labels)) &&
    born <= to &&
    gone >= from
  );
};

const utc = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

const titleOf = (pods: readonly PodLane[], scope: ReportScope, from: number, to: number): string => {
  const what =
    pods.length > 0 && pods.length <= 3
      ? pods.map((p) => p.name).join(', ')
      : `${pods.length} pods ${scope.namespace === undefined ? 'in all namespaces' : `in namespace ${scope.namespace}`}`;
  return `${what}, ${utc(from)} to ${utc(to)}`;
};

export const buildReport = async (pages: AsyncIterable<readonly JournalRecord[]>, scope: ReportScope): Promise<ReportData> => {
  const strings = new Interner();
  const pods = new PodLanes(strings);
  const nodes = new NodeLanes();
  let [first, last] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const see = ({ event, seq }: JournalRecord): void => {
    const at = Date.parse(event.at);
    [first, last] = [Math.min(first, at), Math.max(last, at)];
    if ('pod' in event) pods.observe(event, seq);
    else nodes.apply(event, at);
  };
  for await (const entry of timelineOfPages(observed(pages, see), (event, after) => pods.folded(event, after))) {
    const cause = entry.cause;
    if ('pod' in cause) pods.step({ ...entry, cause }, entry.seq ?? 0);
  }
  if (first > last) [first, last] = [0, 0];
  const from = scope.from ?? first;
  const to = scope.to ?? last;
  // The lanes in `get pods -A`'s order (the API server's, by storage key), which the cursor's table prints as
  // it is; a name used again keeps its lanes in the order the pods were created.
  const lanes = [...pods.lanes()]
    .filter((lane) => inScope(lane, scope, from, to))
    .sort((a, b) => compareStorageKeys(a.namespace, a.name, b.namespace, b.name) || (a.steps[0]?.at ?? 0) - (b.steps[0]?.at ?? 0));
  const hosting = new Set(lanes.map((l) => l.node));
  const everyNode = scope.names.length === 0 && scope.selector.length === 0;
  return {
    title: scope.title ?? titleOf(lanes, scope, from, to),
    first,
    last,
    from,
    to,
    scope: scope.namespace === undefined ? {} : { namespace: scope.namespace },
    selector: scope.selectorText,
    names: [...scope.names],
    pods: lanes,
    nodes: nodes.result((name) => everyNode || hosting.has(name)),
    strings: strings.strings,
    rows: strings.rows,
  };
};
