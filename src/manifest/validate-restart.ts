/**
 * A container's own `restartPolicy` and `restartPolicyRules` (gate `ContainerRestartRules`, beta and on in
 * v1.36): `pkg/apis/core/validation/validation.go :: validateContainerRestartPolicy`, for regular and init
 * containers alike. The wording is the API server's, as a v1.36.1 server answered server-side dry runs of
 * each case. The action `RestartAllContainers` (gate `RestartAllContainersOnContainerExits`, beta and on in
 * v1.36) is accepted on regular containers, regular init containers and sidecars alike, as that server accepted
 * it (`pkg/api/pod/util.go :: restartAllContainersActionInUse`: the gate also lets sidecars carry rules).
 */
import type { Container } from '../k8s/pod.js';
import { RESTART_ALL_CONTAINERS } from '../k8s/restart-rules.js';
import { notSupported, required, tooMany, type FieldError, type FieldPath } from './errors.js';

const MAX_RULES = 20;
const MAX_EXIT_CODES = 255;
const actions = ['Restart', RESTART_ALL_CONTAINERS];
const operators = ['In', 'NotIn'];

/** One rule: a supported action, and an `exitCodes` condition with a supported operator and at most 255 values. */
const validateRule = (rule: NonNullable<Container['restartPolicyRules']>[number], path: FieldPath): FieldError[] => {
  const errors: FieldError[] = [];
  const action = rule.action ?? '';
  if (!actions.includes(action)) errors.push(notSupported([...path, 'action'], action, actions));
  const codes = rule.exitCodes;
  if (codes === undefined) return [...errors, required([...path, 'exitCodes'], 'must be specified')];
  const operator = codes.operator ?? '';
  if (!operators.includes(operator)) errors.push(notSupported([...path, 'exitCodes', 'operator'], operator, operators));
  const values = codes.values ?? [];
  if (values.length > MAX_EXIT_CODES) errors.push(tooMany([...path, 'exitCodes', 'values'], values.length, MAX_EXIT_CODES));
  return errors;
};

/** Rules need the container's own policy beside them (the codec has already checked the policy's value). */
export const validateContainerRestartPolicy = (c: Container, path: FieldPath): FieldError[] => {
  const rules = c.restartPolicyRules ?? [];
  if (c.restartPolicy === undefined) {
    return rules.length > 0 ? [required([...path, 'restartPolicy'], 'must specify restartPolicy when restart rules are used')] : [];
  }
  const errors: FieldError[] = rules.length > MAX_RULES ? [tooMany([...path, 'restartPolicyRules'], rules.length, MAX_RULES)] : [];
  return [...errors, ...rules.flatMap((rule, i) => validateRule(rule, [...path, 'restartPolicyRules', i]))];
};
