/**
 * `get pods` from whole pods, folded at the read point: every output (json, yaml, jsonpath, custom-columns,
 * `--sort-by`, field selectors, and the tables at an instant). Loaded only when the head table's rows cannot
 * answer, so that `get pods` at the end does not load the fold, the JSONPath library or the Go JSON printer.
 */
import * as E from 'fp-ts/lib/Either.js';
import { isKnownOnlyFromEvents } from '../k8s/inferred-annotation.js';
import { getPods, podList, servedPod, sortPods, type Printed } from '../printers/get-pods.js';
import { printCustomColumns } from '../printers/custom-columns.js';
import { sortByPath } from '../printers/sort-by.js';
import type { V1Pod } from '../k8s/pod.js';
import { namespaceOrDefault } from '../k8s/namespace.js';
import type { Journal } from '../journal/index.js';
import { BadInput } from './errors.js';
import { customColumnsOrBadInput, jsonPathText } from './jsonpath-output.js';
import { isTableOutput, type Output } from './output-format.js';
import { podStatesAt, type ReadPoint } from './read-options.js';
import type { Listing, TableFlags } from './pod-rows.js';

/** What the chosen output prints for these pods (already filtered and in the order to print). */
const print = async (output: Output, pods: readonly V1Pod[], singleItem: boolean, flags: TableFlags, now: Date): Promise<Printed> => {
  const only = singleItem && pods.length === 1 ? pods[0] : undefined;
  const document = only === undefined ? podList(pods) : servedPod(only);
  switch (output.kind) {
    case 'jsonpath':
      return { stdout: jsonPathText(output.template, document), stderr: '' };
    case 'custom-columns':
      return { stdout: customColumnsOrBadInput(printCustomColumns(output.columns, pods.map(servedPod), flags.headers)), stderr: '' };
    case 'named': {
      // Only `-o yaml` loads the YAML library.
      if (output.format === 'yaml') return (await import('../printers/get-pods-yaml.js')).getPodsYaml(pods, { singleItem });
      // `kubectl get pod NAME -o json` prints the Pod itself, not a List of one.
      return getPods(pods, { ...flags, output: output.format, singleItem, keepOrder: true }, now);
    }
    default: {
      const unreachable: never = output;
      return unreachable;
    }
  }
};

/** A pod as the notes name it: `namespace/name`. */
const noteKey = (p: V1Pod): string => `${namespaceOrDefault(p.metadata.namespace)}/${p.metadata.name ?? ''}`;

/** The pods at the point that `inScope` keeps, printed as `output` asks, sorted by `sortBy` if given. */
export const listPods = async (
  journal: Journal,
  point: ReadPoint,
  q: {
    /** The namespace asked for (every namespace without it): the other pods are never built. */
    readonly namespace?: string;
    readonly output: Output;
    readonly inScope: (pod: V1Pod) => boolean;
    readonly sortBy?: string;
    readonly singleItem: boolean;
    readonly flags: TableFlags;
  },
): Promise<Listing> => {
  const { restsOnInferred } = await import('../reducers/index.js');
  const states = await podStatesAt(journal, point, q.namespace);
  // The pods (objects) whose state rests on facts inferred since their last capture: noted like the rows' cell `2`.
  const sinceCapture = new Set(states.filter(restsOnInferred).map((s) => s.pod));
  const stored = sortPods(states.map((s) => s.pod).filter(q.inScope));
  const sorted = q.sortBy === undefined ? E.right(stored) : sortByPath(stored, q.sortBy, servedPod, { table: isTableOutput(q.output) });
  if (E.isLeft(sorted)) throw new BadInput(sorted.left);
  const pods = sorted.right;
  return {
    printed: await print(q.output, pods, q.singleItem, q.flags, point.now),
    inferred: pods.filter(isKnownOnlyFromEvents).map(noteKey),
    sinceCapture: pods.filter((p) => sinceCapture.has(p) && !isKnownOnlyFromEvents(p)).map(noteKey),
    listed: (name) => pods.some((p) => p.metadata.name === name),
    count: pods.length,
  };
};
