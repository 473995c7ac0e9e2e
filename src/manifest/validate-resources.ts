/**
 * Resource requirements (`pkg/apis/core/validation/validation.go :: validateResourceRequirements`,
 * `validateContainerResourceName`, `validateResourceName`, `ValidateResourceQuantityValue`; the names from
 * `pkg/apis/core/helper/helpers.go`). Errors name the resource as `field.Path.Key` does: `limits[cpu]`.
 */
import { mapKey } from '../k8s/field-path.js';
import type { ResourceRequirements } from '../k8s/pod.js';
import { formatQuantity, parseQuantity, type Quantity } from '../k8s/quantity.js';
import { invalid, required, type FieldError, type FieldPath } from './errors.js';
import { isQualifiedName } from './names.js';

const HUGEPAGES = 'hugepages-';
/** `standardContainerResources`. */
const containerResources = ['cpu', 'memory', 'ephemeral-storage'];
/** `standardResources`: the container ones and the quota names. */
const standardResources = [
  ...containerResources,
  'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage',
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'requests.storage',
  'services.nodeports', 'services.loadbalancers',
];

const isHugePages = (name: string): boolean => name.startsWith(HUGEPAGES);
/** `IsNativeResource`: unprefixed, or under `kubernetes.io/`. */
const isNative = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');
/** `IsExtendedResourceName`: not native, not `requests.`, and a qualified name once quota prefixes it. */
const isExtended = (name: string): boolean => !isNative(name) && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0;
/** `IsOvercommitAllowed`: native resources but huge pages may have a request below their limit. */
const overcommitAllowed = (name: string): boolean => isNative(name) && !isHugePages(name);
/** `IsIntegerResourceName`: extended resources and the counted quota names must be whole numbers. */
const isInteger = (name: string): boolean => isExtended(name) || ['pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims', 'services.nodeports', 'services.loadbalancers'].includes(name);

/** `validateResourceName`: a qualified name, and a standard one unless it has a prefix. */
export const validateResourceName = (name: string, path: FieldPath): FieldError[] => {
  const qualified = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (qualified.length > 0) return qualified;
  return !name.includes('/') && !isHugePages(name) && !standardResources.includes(name)
    ? [invalid(path, name, 'must be a standard resource type or fully qualified')]
    : [];
};

/** `validateContainerResourceName`: besides, a container resource or an extended resource. */
export const validateContainerResourceName = (name: string, path: FieldPath): FieldError[] => {
  const errors = validateResourceName(name, path);
  if (!name.includes('/')) {
    if (!isHugePages(name) && !containerResources.includes(name)) errors.push(invalid(path, name, 'must be a standard resource for containers'));
  } else if (!isNative(name) && !isExtended(name)) {
    errors.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errors;
};

/** `ValidateResourceQuantityValue`: not negative, and whole for integer resources. */
const validateQuantity = (name: string, q: Quantity, path: FieldPath): FieldError[] => {
  const shown = formatQuantity(q);
  if (q.nanos < 0n) return [invalid(path, shown, 'must be greater than or equal to 0')];
  return isInteger(name) && q.nanos % 1_000_000_000n !== 0n ? [invalid(path, shown, 'must be an integer')] : [];
};

type NameCheck = (name: string, path: FieldPath) => FieldError[];

/** Names and quantities of limits, then of requests with their limit: equal for resources that cannot overcommit, else not above. */
export const validateResources = (resources: ResourceRequirements | undefined, path: FieldPath, nameCheck: NameCheck = validateContainerResourceName): FieldError[] => {
  const limits = resources?.limits ?? {};
  const requests = resources?.requests ?? {};
  const errors: FieldError[] = [];
  const entry = (list: 'limits' | 'requests', name: string, raw: string): Quantity | undefined => {
    const at = [...path, list, mapKey(name)];
    errors.push(...nameCheck(name, at).map((e) => ({ ...e, at: [...path, list, name] })));
    const q = parseQuantity(raw);
    if (q !== undefined) errors.push(...validateQuantity(name, q, at).map((e) => ({ ...e, at: [...path, list, name] })));
    return q;
  };
  for (const [name, raw] of Object.entries(limits)) entry('limits', name, raw);
  for (const [name, raw] of Object.entries(requests)) {
    const request = entry('requests', name, raw);
    const limitRaw = limits[name];
    const limit = limitRaw === undefined ? undefined : parseQuantity(limitRaw);
    const at = [...path, 'requests', name];
    if (limitRaw === undefined) {
      if (!overcommitAllowed(name)) errors.push({ ...required([...path, 'limits'], 'Limit must be set for non overcommitable resources'), at });
    } else if (request !== undefined && limit !== undefined) {
      const [shownRequest, shownLimit] = [formatQuantity(request), formatQuantity(limit)];
      if (request.nanos !== limit.nanos && !overcommitAllowed(name)) {
        errors.push({ ...invalid([...path, 'requests'], shownRequest, `must be equal to ${name} limit of ${shownLimit}`), at });
      } else if (request.nanos > limit.nanos) {
        errors.push({ ...invalid([...path, 'requests'], shownRequest, `must be less than or equal to ${name} limit of ${shownLimit}`), at });
      }
    }
  }
  return errors;
};
