/**
 * A pod's aggregate requests and limits as `k8s.io/component-helpers/resource :: PodRequests` and `PodLimits`
 * compute them with the kubelet's options (`SkipPodLevelResources: false`, gate `PodLevelResources` on; no status
 * resources, overhead included), quantity by quantity as Go's `resource.Quantity` adds them: a resource first met
 * keeps its spelling (`DeepCopy`), a sum prints canonically in the format of the first addend (`Add`).
 */
import type { ResourceList } from './codecs.js';
import type { Container, PodSpec } from './pod.js';
import { isSidecar } from './pod.js';
import { formatQuantity, parseQuantity, type QuantityFormat } from './quantity.js';

/** One quantity of an aggregate: its value, its format, and its text while it is a copy of a spec's. */
interface Amount {
  readonly nanos: bigint;
  readonly format: QuantityFormat;
  readonly text?: string;
}
type Amounts = Map<string, Amount>;
type Side = 'requests' | 'limits';

const amountOf = (text: string): Amount => {
  const q = parseQuantity(text);
  return { nanos: q?.nanos ?? 0n, format: q?.format ?? 'DecimalSI', text };
};

/** `addResourceList`: a new resource is copied, a known one added to (`Quantity.Add` forgets the spelling). */
const addAll = (into: Amounts, list: Amounts): void => {
  for (const [name, amount] of list) {
    const known = into.get(name);
    into.set(name, known === undefined ? amount : { nanos: known.nanos + amount.nanos, format: known.format });
  }
};

/** `maxResourceList`: a resource is copied where it is new or larger. */
const maxAll = (into: Amounts, list: Amounts): void => {
  for (const [name, amount] of list) {
    const known = into.get(name);
    if (known === undefined || amount.nanos > known.nanos) into.set(name, amount);
  }
};

const amountsOf = (list: ResourceList | undefined): Amounts => new Map(Object.entries(list ?? {}).map(([name, text]) => [name, amountOf(text)]));

/**
 * `aggregateContainerResourcesByFn`: regular containers and sidecars add up; each regular init container runs
 * beside the sidecars started before it, and the aggregate is at least the largest of those peaks.
 */
const aggregate = (containers: readonly Container[], inits: readonly Container[], side: Side): Amounts => {
  const result: Amounts = new Map();
  for (const c of containers) addAll(result, amountsOf(c.resources?.[side]));
  const sidecars: Amounts = new Map();
  const initPeak: Amounts = new Map();
  for (const c of inits) {
    const own = amountsOf(c.resources?.[side]);
    if (isSidecar(c)) {
      addAll(result, own);
      addAll(sidecars, own);
      maxAll(initPeak, sidecars);
    } else {
      const combined: Amounts = new Map();
      addAll(combined, own);
      addAll(combined, sidecars);
      maxAll(initPeak, combined);
    }
  }
  maxAll(result, initPeak);
  return result;
};

/** `IsSupportedPodLevelResource`: cpu, memory and huge pages. */
export const isPodLevelResource = (name: string): boolean => name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');

const namesSupported = (list: ResourceList | undefined): boolean => Object.keys(list ?? {}).some(isPodLevelResource);

/** `IsPodLevelResourcesSet`: pod-level requests or limits name a supported resource. */
export const podLevelResourcesSet = (spec: PodSpec): boolean => namesSupported(spec.resources?.requests) || namesSupported(spec.resources?.limits);

/** `applyPodLevelResources`: the pod level's supported resources replace the containers' aggregate. */
const applyPodLevel = (into: Amounts, list: ResourceList | undefined): void => {
  for (const [name, text] of Object.entries(list ?? {})) if (isPodLevelResource(name)) into.set(name, amountOf(text));
};

/** The amounts as a resource list, keys sorted (Go's JSON encoder sorts a map's keys). */
const listOf = (amounts: Amounts): ResourceList =>
  Object.fromEntries([...amounts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, a]) => [name, a.text ?? formatQuantity({ nanos: a.nanos, format: a.format })]));

/** `PodRequests`: the containers' aggregate, the pod level's requests over it (`IsPodLevelRequestsSet`), plus the overhead. */
export const podRequests = (spec: PodSpec): ResourceList => {
  const result = aggregate(spec.containers, spec.initContainers ?? [], 'requests');
  if (namesSupported(spec.resources?.requests)) applyPodLevel(result, spec.resources?.requests);
  if (spec.overhead !== undefined) addAll(result, amountsOf(spec.overhead));
  return listOf(result);
};

/**
 * `PodLimits`: the containers' aggregate, the pod level's limits over it (`IsPodLevelResourcesSet`), plus the
 * overhead on each resource that has a limit.
 */
export const podLimits = (spec: PodSpec): ResourceList => {
  const result = aggregate(spec.containers, spec.initContainers ?? [], 'limits');
  if (podLevelResourcesSet(spec)) applyPodLevel(result, spec.resources?.limits);
  for (const [name, amount] of amountsOf(spec.overhead)) if (result.has(name)) addAll(result, new Map([[name, amount]]));
  return listOf(result);
};
