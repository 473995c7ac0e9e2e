/**
 * What the API server rejects when a Pod is created (`pkg/apis/core/validation/validation.go ::
 * ValidatePodCreate`), checked on the defaulted pod, in the API server's order; the first error wins.
 */
import { mapKey } from '../k8s/field-path.js';
import type { Container, ObjectMeta, PodSpec, V1Pod } from '../k8s/pod.js';
import { isSidecar } from '../k8s/pod.js';
import { podRangeErrors } from '../k8s/ranges.js';
import { duplicate, forbidden, invalid, required, tooLong, type FieldError, type FieldPath } from './errors.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from './names.js';
import { validateContainerCommon, validateProbesAndHooks } from './validate-container.js';
import { validateLabels } from './validate-labels.js';
import type { Volumes } from './validate-mounts.js';
import { hostPortConflicts } from './validate-ports.js';
import { validateContainerRestartPolicy } from './validate-restart.js';
import { validateCreate, validatePodFields } from './validate-spec.js';
import { validateVolumes } from './validate-volumes.js';
import { CONFIG_MIRROR_ANNOTATION } from '../k8s/static-pods.js';

/** `ValidateObjectMeta` with `ValidatePodName` (a DNS subdomain) and a DNS-label namespace. */
const validateMeta = (meta: ObjectMeta): FieldError[] => {
  const name = meta.name ?? '';
  const errors: FieldError[] = [];
  if (name === '') {
    // Pods here are addressed by name from the first event on, so a server-generated name cannot work.
    errors.push(
      required(
        ['metadata', 'name'],
        meta.generateName ? 'generateName alone is not supported, podjournal needs a name' : 'name or generateName is required',
      ),
    );
  } else errors.push(...isDNS1123Subdomain(name).map((m) => invalid(['metadata', 'name'], name, m)));
  const ns = meta.namespace ?? '';
  errors.push(...isDNS1123Label(ns).map((m) => invalid(['metadata', 'namespace'], ns, m)));
  errors.push(...validateLabels(meta.labels, ['metadata', 'labels']));
  let annotationBytes = 0;
  for (const [key, value] of Object.entries(meta.annotations ?? {})) {
    const at = ['metadata', 'annotations', key];
    errors.push(...isQualifiedName(key.toLowerCase()).map((m) => ({ ...invalid(['metadata', 'annotations'], key, m), at })));
    annotationBytes += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  // `ValidateAnnotationsSize`: keys and values together, in bytes.
  if (annotationBytes > TOTAL_ANNOTATION_SIZE_LIMIT_B) errors.push(tooLong(['metadata', 'annotations'], TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errors;
};

/** `apimachinery/pkg/api/validation/objectmeta.go :: TotalAnnotationSizeLimitB`. */
const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * 1024;

const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

/** `helper.GetDeletionCostFromPodAnnotations`: an int32 written as `strconv.FormatInt` writes it (no `+`, no leading zeros). */
const isDeletionCost = (value: string): boolean => /^(0|-?[1-9][0-9]*)$/.test(value) && Number(value) >= -2147483648 && Number(value) <= 2147483647;

/** `ValidatePodSpecificAnnotations`: a mirror pod names its node (the kubelet creates it for a static pod it runs); a deletion cost is an int32. */
const validatePodAnnotations = (pod: V1Pod): FieldError[] => {
  const annotations = pod.metadata.annotations ?? {};
  const errors: FieldError[] = [];
  const annotationError = (key: string, detail: string): FieldError => ({
    ...invalid(['metadata', 'annotations', mapKey(key)], annotations[key], detail),
    at: ['metadata', 'annotations', key],
  });
  if (annotations[CONFIG_MIRROR_ANNOTATION] !== undefined && (pod.spec.nodeName ?? '') === '') {
    errors.push(annotationError(CONFIG_MIRROR_ANNOTATION, 'must set spec.nodeName if mirror pod annotation is set'));
  }
  const cost = annotations[DELETION_COST_ANNOTATION];
  if (cost !== undefined && !isDeletionCost(cost)) errors.push(annotationError(DELETION_COST_ANNOTATION, 'must be a 32bit integer'));
  return errors;
};

/** Numbers beyond their Go type, or beyond a `time.Duration` where they become one (`src/k8s/ranges.ts`). */
const validateRanges = (pod: V1Pod): FieldError[] => podRangeErrors(pod).map((e) => invalid(e.path, e.value, e.problem));

/** `validateContainers`: at least one; names unique; probes and hooks allowed; its own restart policy and rules; host ports. */
const validateContainers = (spec: PodSpec, volumes: Volumes): FieldError[] => {
  if (spec.containers.length === 0) return [required(['spec', 'containers'])];
  const names = new Set<string>();
  const perContainer = spec.containers.flatMap((c, i) => {
    const path: FieldPath = ['spec', 'containers', i];
    const errors = [...validateContainerCommon(c, volumes, spec.restartPolicy, path)];
    if (names.has(c.name)) errors.push(duplicate([...path, 'name'], c.name));
    names.add(c.name);
    errors.push(...validateProbesAndHooks(c, path));
    errors.push(...validateContainerRestartPolicy(c, path));
    return errors;
  });
  // `checkHostPortConflicts`: regular containers run together, so their host ports are checked across all of them.
  return [...perContainer, ...hostPortConflicts(spec.containers.map((container, i) => ({ container, path: ['spec', 'containers', i] })))];
};

const initOnlyForbidden = ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** `validateInitContainers`: names unique across all containers; probes and hooks only on sidecars; restart policy and rules. */
const validateInitContainers = (spec: PodSpec, volumes: Volumes): FieldError[] => {
  const names = new Set(spec.containers.map((c) => c.name));
  return (spec.initContainers ?? []).flatMap((c: Container, i) => {
    const path: FieldPath = ['spec', 'initContainers', i];
    const errors = [...validateContainerCommon(c, volumes, spec.restartPolicy, path)];
    if (names.has(c.name)) errors.push(duplicate([...path, 'name'], c.name));
    else if (c.name !== '') names.add(c.name);
    if (isSidecar(c)) errors.push(...validateProbesAndHooks(c, path));
    else {
      for (const field of initOnlyForbidden) {
        if (c[field] !== undefined) errors.push(forbidden([...path, field], 'may not be set for init containers without restartPolicy=Always'));
      }
    }
    errors.push(...validateContainerRestartPolicy(c, path));
    // Init containers run one by one, so each is checked for host port conflicts on its own.
    errors.push(...hostPortConflicts([{ container: c, path }]));
    return errors;
  });
};

/** The first rule the pod breaks, or `undefined` when the API server would accept it. */
export const validatePod = (pod: V1Pod): FieldError | undefined => {
  const volumes: Volumes = new Map((pod.spec.volumes ?? []).map((v) => [v.name, v]));
  const checks = [
    () => validateRanges(pod),
    () => validateMeta(pod.metadata),
    () => validatePodAnnotations(pod),
    () => validateVolumes(pod),
    () => validateContainers(pod.spec, volumes),
    () => validateInitContainers(pod.spec, volumes),
    () => validatePodFields(pod.spec),
    () => validateCreate(pod.spec),
  ];
  for (const check of checks) {
    const [first] = check();
    if (first !== undefined) return first;
  }
  return undefined;
};
