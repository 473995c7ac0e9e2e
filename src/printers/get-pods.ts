/**
 * `kubectl get pods` for a set of pods: the table (plain, wide, with namespace and label columns) and the
 * json and name outputs. Returns what kubectl writes to stdout and to stderr. The yaml output is
 * `get-pods-yaml.ts`, apart, so that only `-o yaml` loads the YAML library.
 */
import type { V1Pod } from '../k8s/pod.js';
import { goJson } from './go-json.js';
import { compareStorageKeys } from './go-sort.js';
import { printRows, type Printed } from './pod-table.js';
import { podTableRow } from './pod-table-row.js';
import { rowLine } from './row-line.js';
import { unstructured } from './unstructured.js';

export type { Printed } from './pod-table.js';

export type OutputFormat = 'table' | 'wide' | 'json' | 'yaml' | 'name';

export interface GetPodsOptions {
  readonly output?: Exclude<OutputFormat, 'yaml'>;
  /** `-A`: pods of every namespace, with a NAMESPACE column. */
  readonly allNamespaces?: boolean;
  /** The namespace asked for (`-n`), named in "No resources found in NS namespace." */
  readonly namespace?: string;
  readonly showLabels?: boolean;
  readonly showKind?: boolean;
  readonly labelColumns?: readonly string[];
  /** One pod asked for by name: json and yaml print the Pod itself, not a List (kubectl's single item). */
  readonly singleItem?: boolean;
  /** The pods come already in the order to print (`--sort-by`), instead of the API server's storage order. */
  readonly keepOrder?: boolean;
  /** false for `--no-headers`. */
  readonly headers?: boolean;
}

/**
 * kubectl lists in the API server's storage order (`compareStorageKeys`). The keys are read once per pod,
 * not per comparison (a whole cluster at L is 100,000 pods and ~1.7 M comparisons).
 */
export const sortPods = (pods: readonly V1Pod[]): V1Pod[] => {
  const keyed = pods.map((pod) => ({ pod, namespace: pod.metadata.namespace ?? '', name: pod.metadata.name ?? '' }));
  keyed.sort((a, b) => compareStorageKeys(a.namespace, a.name, b.namespace, b.name));
  return keyed.map((k) => k.pod);
};

/** A Pod as kubectl prints it: with its apiVersion and kind, every object's keys sorted (`unstructured`). */
export const servedPod = (pod: V1Pod): unknown => unstructured({ ...pod, apiVersion: 'v1', kind: 'Pod' });

/** The `v1` `List` kubectl prints for `-o json` and `-o yaml`. */
export const podList = (pods: readonly V1Pod[]): Record<string, unknown> => ({
  apiVersion: 'v1',
  items: pods.map(servedPod),
  kind: 'List',
  metadata: { resourceVersion: '' },
});


/** What `-o json` and `-o yaml` print: the List of the sorted pods, or the Pod itself when one was asked for by name. */
export const podDocument = (sorted: readonly V1Pod[], opts: Pick<GetPodsOptions, 'singleItem'>): unknown => {
  const [only, ...others] = sorted;
  return opts.singleItem === true && only !== undefined && others.length === 0 ? servedPod(only) : podList(sorted);
};

/** What `kubectl get pods` prints for these pods (already filtered by namespace and selector) at `now`. */
export const getPods = (pods: readonly V1Pod[], opts: GetPodsOptions, now: Date): Printed => {
  const sorted = opts.keepOrder === true ? [...pods] : sortPods(pods);
  const output = opts.output ?? 'table';
  switch (output) {
    case 'json':
      return { stdout: `${goJson(podDocument(sorted, opts))}\n`, stderr: '' };
    case 'name':
    case 'table':
    case 'wide':
      return printRows(sorted.map((pod) => rowLine(podTableRow(pod))), { ...opts, output }, now);
    default: {
      const unreachable: never = output;
      return unreachable;
    }
  }
};
