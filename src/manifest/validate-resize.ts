/**
 * A container's `resizePolicy` (`pkg/apis/core/validation/validation.go :: validateResizePolicy`, gate
 * `InPlacePodVerticalScaling` GA): each resource `cpu` or `memory` once, each policy `NotRequired` or
 * `RestartContainer`, and only `NotRequired` in a pod that never restarts its containers. As upstream, the value
 * errors name the list, `resizePolicy`, and a repeated resource its index. With the gate on, init containers may
 * carry a policy too (`AllowSidecarResizePolicy`).
 */
import type { Container, RestartPolicy } from '../k8s/pod.js';
import { duplicate, invalid, notSupported, required, type FieldError, type FieldPath } from './errors.js';

const resources = ['cpu', 'memory'];
const policies = ['NotRequired', 'RestartContainer'];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export const validateResizePolicy = (c: Container, podRestartPolicy: RestartPolicy | undefined, path: FieldPath): FieldError[] => {
  const seen = new Set<string>();
  return (c.resizePolicy ?? []).flatMap((p, i) => {
    const [resource, policy] = [text(p['resourceName']), text(p['restartPolicy'])];
    const errors: FieldError[] = seen.has(resource) ? [duplicate([...path, i], resource)] : [];
    seen.add(resource);
    if (resource === '') errors.push(required(path));
    else if (!resources.includes(resource)) errors.push(notSupported(path, resource, resources));
    if (policy === '') errors.push(required(path));
    else if (!policies.includes(policy)) errors.push(notSupported(path, policy, policies));
    if (podRestartPolicy === 'Never' && policy !== 'NotRequired') errors.push(invalid(path, policy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
    return errors;
  });
};
