/**
 * `SortedContainerStatuses` (`pkg/kubelet/types/pod_status.go`, applied in `kubelet_pods.go ::
 * convertStatusToAPIStatus`): the API shows regular containers' statuses sorted by name, while init container
 * statuses keep the spec's order (`SortInitContainerStatuses`). The reducers build statuses in spec order
 * (phase and condition messages follow the spec); these convert between the two orders.
 */
import type { Container } from '../k8s/pod.js';

// Per spec list (specs are shared by every state of a pod): spec indexes by name, or null when already sorted.
const orders = new WeakMap<readonly Container[], readonly number[] | null>();

const byNameOrder = (containers: readonly Container[]): readonly number[] | null => {
  const known = orders.get(containers);
  if (known !== undefined) return known;
  const order = containers.map((_, i) => i).sort((a, b) => {
    const x = containers[a]?.name ?? '';
    const y = containers[b]?.name ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const result = order.every((specIndex, j) => specIndex === j) ? null : order;
  orders.set(containers, result);
  return result;
};

/** Statuses built in spec order, as the API lists them (the same array when the spec is already sorted). */
export const sortedByName = <T>(containers: readonly Container[], inSpecOrder: T[]): T[] => {
  const order = byNameOrder(containers);
  if (order === null || order.length !== inSpecOrder.length) return inSpecOrder;
  return order.map((specIndex) => inSpecOrder[specIndex] as T);
};

/** The API's list back in spec order (the same array when the spec is already sorted). */
export const inSpecOrder = <T>(containers: readonly Container[], sorted: T[] | undefined): T[] | undefined => {
  const order = byNameOrder(containers);
  if (order === null || sorted === undefined || order.length !== sorted.length) return sorted;
  const out = new Array<T>(sorted.length);
  order.forEach((specIndex, j) => {
    out[specIndex] = sorted[j] as T;
  });
  return out;
};
