/**
 * The head table: the rows `kubectl get pods` prints for the pods at the journal's head (as lines,
 * `row-line.ts`: the clock-free cells, labels, `-o wide`'s cells), one part per namespace, written with the
 * snapshots after every write, so that `get pods` at the end reads its namespace's rows and no history. Whole
 * pods (`-o json`, `-o yaml`, field selectors, …) come from the snapshots and the fold, not from here. Read by
 * `head-rows.ts`.
 */
import { compareStrings } from '../printers/go-sort.js';
import { baseOf, type ClusterState, type PodState } from '../reducers/index.js';
import { rowOf } from './snapshot-rows.js';
import { namespaceOrDefault } from '../k8s/namespace.js';

/**
 * The table's parts: each namespace's rows, a line each, computed and joined one namespace at a time as the journal
 * writes them (at tier L the whole table is ≈ 15 MB of text, made at the end of the upkeep, when the fold is largest).
 */
export function* headTableParts(state: ClusterState): Generator<readonly [string, string]> {
  const byNamespace = new Map<string, PodState[]>();
  for (const pod of state.pods.values()) {
    // kubectl reads an empty namespace as `default`: those rows are asked for, and listed, with `default`'s.
    const namespace = namespaceOrDefault(baseOf(pod).metadata.namespace ?? '');
    const pods = byNamespace.get(namespace);
    if (pods === undefined) byNamespace.set(namespace, [pod]);
    else pods.push(pod);
  }
  // Each namespace's rows in their lines' order (kubectl's for plain keys): a listing's sort then only merges.
  for (const namespace of [...byNamespace.keys()].sort(compareStrings)) yield [namespace, (byNamespace.get(namespace) ?? []).map(rowOf).sort().join('\n')];
}
