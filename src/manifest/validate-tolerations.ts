/**
 * A pod's tolerations (`pkg/apis/core/validation/validation.go :: ValidateTolerations`, `validateTaintEffect`).
 * Gate `TaintTolerationComparisonOperators` is off in v1.36, so `Lt` and `Gt` are operators like any unknown one.
 */
import type { PodSpec } from '../k8s/pod.js';
import { invalid, notSupported, type FieldError, type FieldPath } from './errors.js';
import { isLabelValue, isQualifiedName } from './names.js';

type Toleration = NonNullable<PodSpec['tolerations']>[number];

const operators = ['Equal', 'Exists'];
/** `validateTaintEffect`'s list, in its own order (NoScheduleNoAdmit is not implemented upstream). */
const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

const validateToleration = (t: Toleration, path: FieldPath): FieldError[] => {
  const [key, operator, value, effect] = [t.key ?? '', t.operator ?? '', t.value ?? '', t.effect ?? ''];
  const errors = key === '' ? [] : isQualifiedName(key).map((m) => invalid([...path, 'key'], key, m));
  // An empty key with Exists (and no value) is the toleration of every taint; any other operator needs a key.
  if (key === '' && operator !== 'Exists') {
    errors.push(invalid([...path, 'operator'], operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  }
  if (t.tolerationSeconds !== undefined && effect !== 'NoExecute') {
    errors.push(invalid([...path, 'effect'], effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  }
  if (operator === '' || operator === 'Equal') {
    const problems = isLabelValue(value);
    if (problems.length > 0) errors.push(invalid([...path, 'operator'], value, problems.join(';')));
  } else if (operator === 'Exists') {
    if (value !== '') errors.push(invalid([...path, 'operator'], value, "value must be empty when `operator` is 'Exists'"));
  } else {
    errors.push(notSupported([...path, 'operator'], operator, operators));
  }
  if (effect !== '' && !effects.includes(effect)) errors.push(notSupported([...path, 'effect'], effect, effects));
  return errors;
};

export const validateTolerations = (tolerations: PodSpec['tolerations'], path: FieldPath): FieldError[] =>
  (tolerations ?? []).flatMap((t, i) => validateToleration(t, [...path, i]));
