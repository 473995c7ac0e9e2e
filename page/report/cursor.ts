/**
 * What the cursor panels print: `podj get pods --at T` with the CLI's own row and table code, and the
 * changes and causes between two instants.
 */
import { noResources, tableRowsOfLines } from '../../src/printers/pod-columns.js';
import { rowLine, type RowLine } from '../../src/printers/row-line.js';
import { renderTable } from '../../src/printers/tabwriter.js';
import type { KubectlWideCells } from '../../src/printers/pod-row.js';
import type { Cause, PodLane } from '../../src/report/model.js';
import { selectorMatches, type Requirement } from '../../src/selectors/index.js';
import { flagAt, labelsAt, lastAtOrBefore, type Interned } from './lanes.js';
import { inferredNotes } from '../../src/printers/inferred-notes.js';
import { notFoundLine } from '../../src/printers/not-found.js';
import { podsElsewhere } from '../../src/printers/elsewhere.js';
import { namespaceOrDefault } from '../../src/k8s/namespace.js';

/** The pods a panel lists: kubectl's `-n NS` (or `-A` when undefined) and `-l SELECTOR`, and the name filter. */
export interface Scope {
  readonly namespace?: string;
  readonly selector: readonly Requirement[];
  readonly name: string;
}

/** The panel prints the default columns only; their cells never read the `-o wide` ones. */
const notWide: KubectlWideCells = { ip: '', node: '', nominatedNode: '', readinessGates: '' };

export const inScopeAt = (pod: PodLane, scope: Scope, t: number): boolean =>
  (scope.namespace === undefined || pod.namespace === scope.namespace) &&
  (scope.name === '' || pod.name.includes(scope.name)) &&
  selectorMatches(scope.selector, labelsAt(pod, t));

/**
 * get.ts's hint under "No resources found in NS namespace.": the namespaces holding pods at `t`. Only a report that
 * holds every pod of the journal (`everyPod`: `-A`, no selector, no names, the whole journal) knows them.
 */
const elsewhere = (pods: readonly PodLane[], scope: Scope, t: number, interned: Interned, everyPod: boolean): string =>
  !everyPod || scope.namespace === undefined
    ? ''
    : podsElsewhere([...new Set(pods.filter((p) => interned.row(lastAtOrBefore(p.steps, t)?.row) !== undefined).map((p) => namespaceOrDefault(p.namespace)))], scope.namespace);

/**
 * `podj get pods [NAME...] [-n NS|-A] [-l SEL] --at T`: its stdout and stderr. Pods come in kubectl's order
 * already. A name no pod in scope has at `t` gets kubectl's NotFound line (after the notes), and then no "No
 * resources found" (get.ts).
 */
export const getPodsAt = (
  pods: readonly PodLane[],
  scope: Scope,
  names: readonly string[],
  t: number,
  interned: Interned,
  everyPod: boolean,
): { stdout: string; stderr: string } => {
  const now = new Date(t);
  const lines: RowLine[] = [];
  const [eventsOnly, sinceCapture]: [string[], string[]] = [[], []];
  const listed = new Set<string>();
  for (const pod of pods) {
    const row = interned.row(lastAtOrBefore(pod.steps, t)?.row);
    if (row === undefined || !inScopeAt(pod, scope, t)) continue;
    const key = `${namespaceOrDefault(pod.namespace)}/${pod.name}`;
    listed.add(pod.name);
    if (flagAt(pod.eventsOnly, t)) eventsOnly.push(key);
    else if (flagAt(pod.sinceCapture, t)) sinceCapture.push(key);
    const facts = {
      name: pod.name,
      ...row,
      ...(pod.creationTimestamp === undefined ? {} : { creationTimestamp: pod.creationTimestamp }),
    };
    lines.push(rowLine({ namespace: pod.namespace, labels: { ...labelsAt(pod, t) }, facts, wide: notWide, inferred: false, sinceCapture: false }));
  }
  const allNamespaces = scope.namespace === undefined;
  const notFound = names.filter((n) => !listed.has(n)).map((n) => `${notFoundLine('pods', n)}\n`);
  if (lines.length === 0 && names.length > 0) return { stdout: '', stderr: notFound.join('') };
  if (lines.length === 0) return { stdout: '', stderr: noResources({ allNamespaces, namespace: scope.namespace }) + elsewhere(pods, scope, t, interned, everyPod) };
  const table = tableRowsOfLines(lines, { wide: false, withNamespace: allNamespaces, showLabels: false, labelColumns: [] }, now);
  return { stdout: renderTable(table), stderr: inferredNotes(eventsOnly, sinceCapture) + notFound.join('') };
};

/** The value of every timeline field of a pod at `t` (fields never set are absent). */
const fieldsAt = (pod: PodLane, t: number, strings: Interned): Map<string, string | undefined> => {
  const values = new Map<string, string | undefined>();
  for (const step of pod.steps) {
    if (step.at > t) break;
    for (const [field, value] of step.changes) values.set(strings.text(field) ?? '', strings.text(value));
  }
  return values;
};

export const iso = (t: number): string => new Date(t).toISOString();

/** Between two instants: for each pod that changed, each field's value before and after, and the causes between. */
export const diffBetween = (pods: readonly PodLane[], scope: Scope, t1: number, t2: number, strings: Interned): string => {
  const [a, b] = t1 <= t2 ? [t1, t2] : [t2, t1];
  const parts: string[] = [];
  for (const pod of pods) {
    if (!inScopeAt(pod, scope, b) && !inScopeAt(pod, scope, a)) continue;
    const [before, after] = [fieldsAt(pod, a, strings), fieldsAt(pod, b, strings)];
    const fields = [...new Set([...before.keys(), ...after.keys()])].filter((f) => before.get(f) !== after.get(f));
    if (fields.length === 0) continue;
    const lines = fields.map((f) => `  ${f}: ${before.get(f) ?? '<none>'} → ${after.get(f) ?? '<none>'}`);
    const between = [...pod.steps, ...pod.markers].filter((s) => s.at > a && s.at <= b);
    parts.push(`pod/${pod.namespace}/${pod.name} from ${iso(a)} to ${iso(b)}:\n${lines.join('\n')}\n\nCauses:\n${causesTable(between, strings)}`);
  }
  return parts.length === 0 ? `no pod in view changed between ${iso(a)} and ${iso(b)}\n` : parts.join('\n');
};

/**
 * The causes of some steps and markers, once each, in the journal's order. EVENT and DETAILS as `podj events`
 * prints them: the summary ends in `(inferred)` when an import inferred the event (`summarize`), once.
 */
export const causesTable = (items: readonly { readonly at: number; readonly cause: Cause }[], strings: Interned): string => {
  const causes = new Map<number, Cause & { at: number }>();
  for (const s of items) causes.set(s.cause.seq, { ...s.cause, at: s.at });
  const rows = [...causes.values()]
    .sort((x, y) => x.seq - y.seq)
    .map((c) => [String(c.seq), iso(c.at), strings.text(c.type) ?? '', strings.text(c.summary) ?? '']);
  return rows.length === 0 ? '  <none>\n' : renderTable([['SEQ', 'AT', 'EVENT', 'DETAILS'], ...rows]);
};
