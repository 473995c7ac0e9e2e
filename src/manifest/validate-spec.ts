/**
 * The pod-wide fields of `ValidatePodSpec` (`pkg/apis/core/validation/validation.go`), after the volumes and
 * containers, in the API server's order; and `ValidatePodCreate`'s rule on scheduling gates.
 */
import type { PodSpec } from '../k8s/pod.js';
import { duplicate, forbidden, invalid, notSupported, type FieldError, type FieldPath } from './errors.js';
import { isDNS1123Label, isQualifiedName, nameIsDNSSubdomain } from './names.js';
import { validatePodDNSConfig } from './validate-dns.js';
import { validateLabels } from './validate-labels.js';
import { validateResourceName, validateResources } from './validate-resources.js';
import { validateTolerations } from './validate-tolerations.js';

const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const preemptionPolicies = ['PreemptLowerPriority', 'Never'];

/** `validatePodHostNetworkDeps` for a Pod (`ResourceIsPod`): with host networking each regular container's host port is its container port. */
const validateHostNetworkPorts = (spec: PodSpec): FieldError[] =>
  spec.hostNetwork !== true
    ? []
    : spec.containers.flatMap((c, i) =>
        (c.ports ?? []).flatMap((p, j) =>
          (p.hostPort ?? 0) === p.containerPort
            ? []
            : [invalid(['spec', 'containers', i, 'ports', j, 'hostPort'], p.hostPort ?? 0, 'must match `containerPort` when `hostNetwork` is true')],
        ),
      );

/** `validateReadinessGates`: each condition type a qualified name. */
const validateReadinessGates = (spec: PodSpec): FieldError[] =>
  (spec.readinessGates ?? []).flatMap((g, i) => isQualifiedName(g.conditionType).map((m) => invalid(['spec', 'readinessGates', i, 'conditionType'], g.conditionType, m)));

/** `validateSchedulingGates`: qualified names, each once. */
const validateSchedulingGates = (spec: PodSpec): FieldError[] => {
  const seen = new Set<string>();
  return (spec.schedulingGates ?? []).flatMap((g, i) => {
    const path: FieldPath = ['spec', 'schedulingGates', i];
    const errors = isQualifiedName(g.name).map((m) => invalid(path, g.name, m));
    if (seen.has(g.name)) errors.push(duplicate(path, g.name));
    seen.add(g.name);
    return errors;
  });
};

/**
 * `validateHostUsers`: a pod in its own user namespace (`hostUsers: false`) shares no other namespace with the host.
 * Upstream names the last two `HostPID` and `HostIPC`, capitalised, and so does this.
 */
const validateHostUsers = (spec: PodSpec): FieldError[] => {
  if (spec.hostUsers !== false) return [];
  const shared: ReadonlyArray<readonly [boolean | undefined, string, string]> = [
    [spec.hostNetwork, 'hostNetwork', 'hostNetwork'],
    [spec.hostPID, 'HostPID', 'hostPID'],
    [spec.hostIPC, 'HostIPC', 'hostIPC'],
  ];
  return shared.flatMap(([on, named, field]) => (on === true ? [{ ...forbidden(['spec', named], 'when `pod.Spec.HostUsers` is false'), at: ['spec', field] }] : []));
};

/** A name field checked by a name rule when it is set (`ValidateServiceAccountName`, `ValidateNodeName`, …). */
const nameField = (value: string | undefined, field: string, check: (name: string) => string[]): FieldError[] =>
  value === undefined || value === '' ? [] : check(value).map((m) => invalid(['spec', field], value, m));

const dnsSubdomain = (name: string): string[] => nameIsDNSSubdomain(name, false);

export const validatePodFields = (spec: PodSpec): FieldError[] => {
  const errors: FieldError[] = [];
  const grace = spec.terminationGracePeriodSeconds;
  if (grace !== undefined && grace < 0) {
    errors.push(invalid(['spec', 'terminationGracePeriodSeconds'], grace, 'must be greater than or equal to 0'));
  }
  errors.push(...validateResources(spec.resources, ['spec', 'resources'], validateResourceName));
  errors.push(...validateHostNetworkPorts(spec));
  if (spec.dnsPolicy !== undefined && !dnsPolicies.includes(spec.dnsPolicy)) {
    errors.push(notSupported(['spec', 'dnsPolicy'], spec.dnsPolicy, dnsPolicies));
  }
  errors.push(...validateLabels(spec.nodeSelector, ['spec', 'nodeSelector']));
  errors.push(...validatePodDNSConfig(spec), ...validateReadinessGates(spec), ...validateSchedulingGates(spec), ...validateHostUsers(spec));
  errors.push(...nameField(spec.serviceAccountName, 'serviceAccountName', dnsSubdomain), ...nameField(spec.nodeName, 'nodeName', dnsSubdomain));
  const deadline = spec.activeDeadlineSeconds;
  if (deadline !== undefined && (deadline < 1 || deadline > 2147483647)) {
    errors.push(invalid(['spec', 'activeDeadlineSeconds'], deadline, 'must be between 1 and 2147483647, inclusive'));
  }
  errors.push(...nameField(spec.hostname, 'hostname', isDNS1123Label), ...nameField(spec.subdomain, 'subdomain', isDNS1123Label));
  errors.push(...validateTolerations(spec.tolerations, ['spec', 'tolerations']));
  errors.push(...nameField(spec.priorityClassName, 'priorityClassName', dnsSubdomain), ...nameField(spec.runtimeClassName, 'runtimeClassName', dnsSubdomain));
  const preemption = spec.preemptionPolicy;
  if (preemption !== undefined && !preemptionPolicies.includes(preemption)) {
    errors.push(notSupported(['spec', 'preemptionPolicy'], preemption, preemptionPolicies));
  }
  return errors;
};

/**
 * `ValidatePodCreate`'s own rules: ephemeral containers come only through the `ephemeralcontainers` subresource of a
 * running pod, and the scheduler binds a gated pod only once its gates are gone, so a node may not be named before.
 */
export const validateCreate = (spec: PodSpec): FieldError[] => [
  ...((spec.ephemeralContainers ?? []).length > 0 ? [forbidden(['spec', 'ephemeralContainers'], 'cannot be set on create')] : []),
  ...((spec.nodeName ?? '') !== '' && (spec.schedulingGates ?? []).length > 0
    ? [forbidden(['spec', 'nodeName'], 'cannot be set until all schedulingGates have been cleared')]
    : []),
];
