/**
 * The head table: the pods at the journal's head, one part per namespace, written with the snapshots after
 * every write, so that `get pods` at the end reads its namespace's pods and no history. Only v1 Pods are
 * kept: it answers the reads at the end, not folds.
 */
import type { V1Pod } from '../k8s/pod.js';
import type { Journal } from '../journal/index.js';
import { podsOf, type ClusterState } from '../reducers/index.js';

/** The table's parts: each namespace's pods as one JSON array. */
export const headTableParts = (state: ClusterState): Map<string, string> => {
  const byNamespace = new Map<string, V1Pod[]>();
  for (const pod of podsOf(state)) {
    const namespace = pod.metadata.namespace ?? '';
    const pods = byNamespace.get(namespace);
    if (pods === undefined) byNamespace.set(namespace, [pod]);
    else pods.push(pod);
  }
  return new Map([...byNamespace].map(([namespace, pods]) => [namespace, JSON.stringify(pods)]));
};

/**
 * The pods at the head in `namespace` (in every namespace without it), from the head table; undefined
 * when the table is not there for this head or does not pass its checks (then fold from the events).
 */
export const podsAtHead = async (journal: Journal, namespace?: string): Promise<V1Pod[] | undefined> => {
  const table = await journal.headTable(namespace === undefined ? undefined : [namespace]);
  if (table === undefined || 'rejected' in table) return undefined;
  // The parts are this code's own JSON of v1 Pods, bound to the head and to their SHA-256.
  return [...table.parts.values()].flatMap((blob) => JSON.parse(blob) as V1Pod[]);
};

/** The namespaces holding pods at the head, from the head table's part names (no pod read); undefined without one. */
export const namespacesAtHead = async (journal: Journal): Promise<string[] | undefined> =>
  (await journal.headTableParts())?.map((part) => (part === '' ? 'default' : part));
