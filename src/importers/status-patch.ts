/**
 * A pod status as a strategic merge patch leaves it. The kubelet writes a pod's status as such a patch
 * (`pkg/util/pod/pod.go :: PatchPodStatus`: `strategicpatch.CreateTwoWayMergePatch` of the old and the new
 * status); an audit policy at level Request (GKE's for `pods/status` written by nodes) logs that patch and no
 * response, so the status the API server stored is the last one known with the patch applied
 * (`apimachinery/pkg/util/strategicpatch/patch.go :: mergeMap`, `mergeSlice`, `normalizeElementOrder`).
 * Only `status` is applied: the status subresource keeps the rest of the object (`pkg/registry/core/pod/strategy.go
 * :: podStatusStrategy.PrepareForUpdate`).
 */
import { isRecord } from './build.js';

/** PodStatus's lists with `patchStrategy:"merge"`, by their merge key (`staging/src/k8s.io/api/core/v1/types.go`); others are replaced whole. */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  conditions: 'type',
  podIPs: 'ip',
  hostIPs: 'ip',
  resourceClaimStatuses: 'name',
  nodeAllocatableResourceClaimStatuses: 'resourceClaimName',
};

const ORDER_PREFIX = '$setElementOrder/';

type Obj = Record<string, unknown>;

const keyOf = (u: unknown, mergeKey: string): unknown => (isRecord(u) ? u[mergeKey] : undefined);

/** Items in the order `$setElementOrder` gives; those it does not name keep their place after them. */
const ordered = (items: readonly unknown[], order: unknown, mergeKey: string): unknown[] => {
  if (!Array.isArray(order)) return [...items];
  const rank = new Map(order.map((o: unknown, i) => [keyOf(o, mergeKey), i]));
  const at = (u: unknown): number => rank.get(keyOf(u, mergeKey)) ?? order.length;
  return items.map((item, i) => ({ item, i })).sort((a, b) => at(a.item) - at(b.item) || a.i - b.i).map(({ item }) => item);
};

/** A list merged by key: an element `{$patch: delete}` removes its match, another merges into it or is appended. */
const mergedList = (original: unknown, patch: readonly unknown[], mergeKey: string, order: unknown): unknown[] => {
  const items = Array.isArray(original) ? [...(original as unknown[])] : [];
  for (const p of patch) {
    const i = items.findIndex((item) => keyOf(item, mergeKey) === keyOf(p, mergeKey));
    if (isRecord(p) && p['$patch'] === 'delete') {
      if (i >= 0) items.splice(i, 1);
    } else if (i >= 0) items[i] = merged(items[i], p, {});
    else items.push(merged(undefined, p, {}));
  }
  return ordered(items, order, mergeKey);
};

/**
 * `patch` applied to `original`: maps merge, `null` deletes a key, lists are merged by key (`mergeKeys`) or replaced.
 * What the patch places (a replaced list, a new element) is kept without its `null`s: the API server decodes a
 * null as a nil pointer or Go's zero time, which it stores as absent (`state: {waiting: {...}, running: null}`).
 */
const merged = (original: unknown, patch: unknown, mergeKeys: Readonly<Record<string, string>>): unknown => {
  if (Array.isArray(patch)) return patch.map((item: unknown) => merged(undefined, item, {}));
  if (!isRecord(patch)) return patch;
  if (patch['$patch'] === 'replace') {
    const { $patch: _replace, ...rest } = patch;
    return rest;
  }
  const out: Obj = isRecord(original) ? { ...original } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$')) continue;
    const mergeKey = mergeKeys[key];
    if (value === null) delete out[key];
    else if (mergeKey !== undefined && Array.isArray(value)) out[key] = mergedList(out[key], value, mergeKey, patch[`${ORDER_PREFIX}${key}`]);
    else if (isRecord(value)) out[key] = merged(out[key], value, {});
    else out[key] = merged(undefined, value, {});
  }
  // An order given for a list the patch does not change still reorders it.
  for (const [key, order] of Object.entries(patch)) {
    const list = key.startsWith(ORDER_PREFIX) ? key.slice(ORDER_PREFIX.length) : undefined;
    const mergeKey = list === undefined ? undefined : mergeKeys[list];
    if (list !== undefined && mergeKey !== undefined && !(list in patch) && Array.isArray(out[list])) out[list] = ordered(out[list] as unknown[], order, mergeKey);
  }
  return out;
};

/** The pod (an object as the API server stored it) with the patch's `status` applied. */
export const withStatusPatch = (pod: Obj, patch: unknown): Obj =>
  isRecord(patch) && isRecord(patch['status']) ? { ...pod, status: merged(pod['status'], patch['status'], MERGE_KEYS) } : pod;
