/**
 * One label requirement: its constructor with Kubernetes' validation, its match and its canonical text
 * (`apimachinery/pkg/labels/selector.go :: NewRequirement, Requirement.Matches, Requirement.String`).
 */
import * as E from 'fp-ts/lib/Either.js';
import { invalidValue, labelKeyErrors, labelValueErrors } from './validation.js';

/** `selection.Operator`, spelled as Kubernetes spells it. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

export type Labels = Readonly<Record<string, string>>;

/** `strconv.ParseInt(s, 10, 64)`: an optional sign and decimal digits that fit in an int64. */
const parseInt64 = (s: string): bigint | undefined => {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n : undefined;
};

/** `field.ErrorList.ToAggregate().Error()`: one error alone, several in brackets. */
const aggregate = (errs: readonly string[]): string => (errs.length === 1 ? (errs[0] ?? '') : `[${errs.join(', ')}]`);

/** The key's problems as field errors at `path` (`validateLabelKey`). */
export const keyError = (key: string, path: string | undefined): string | undefined => {
  const errs = labelKeyErrors(key);
  return errs.length === 0 ? undefined : invalidValue(path, key, errs.join('; '));
};

const countError = (operator: Operator, values: readonly string[]): string[] => {
  switch (operator) {
    case 'in':
    case 'notin':
      return values.length === 0 ? [invalidValue('values', values, "for 'in', 'notin' operators, values set can't be empty")] : [];
    case '=':
    case '==':
    case '!=':
      return values.length !== 1 ? [invalidValue('values', values, 'exact-match compatibility requires one single value')] : [];
    case 'exists':
    case '!':
      return values.length !== 0 ? [invalidValue('values', values, 'values set must be empty for exists and does not exist')] : [];
    case 'gt':
    case 'lt':
      return [
        ...(values.length !== 1 ? [invalidValue('values', values, "for 'Gt', 'Lt' operators, exactly one value is required")] : []),
        ...values.flatMap((v, i) =>
          parseInt64(v) === undefined
            ? [invalidValue(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer")]
            : [],
        ),
      ];
    default: {
      const unreachable: never = operator;
      return unreachable;
    }
  }
};

/** `NewRequirement`: Left is every problem of the key, the operator's values and each value, on one line. */
export const newRequirement = (key: string, operator: Operator, values: readonly string[]): E.Either<string, Requirement> => {
  const keyErr = keyError(key, 'key');
  const errs = [
    ...(keyErr === undefined ? [] : [keyErr]),
    ...countError(operator, values),
    ...values.flatMap((v, i) => {
      const valueErrs = labelValueErrors(v);
      return valueErrs.length === 0 ? [] : [invalidValue(`values[${i}][${key}]`, v, valueErrs.join('; '))];
    }),
  ];
  return errs.length === 0 ? E.right({ key, operator, values }) : E.left(aggregate(errs));
};

/** Requirements sorted by key, as `sort.Sort(ByKey(...))` leaves them (a stable sort, for determinism). */
export const sortedByKey = (requirements: readonly Requirement[]): Requirement[] =>
  [...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** Whether the labels satisfy the requirement. */
export const requirementMatches = (r: Requirement, labels: Labels): boolean => {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && value !== undefined && r.values.includes(value);
    case 'notin':
    case '!=':
      return !has || value === undefined || !r.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      const actual = has && value !== undefined ? parseInt64(value) : undefined;
      const [only, ...rest] = r.values;
      const wanted = only !== undefined && rest.length === 0 ? parseInt64(only) : undefined;
      if (actual === undefined || wanted === undefined) return false;
      return r.operator === 'gt' ? actual > wanted : actual < wanted;
    }
    default: {
      const unreachable: never = r.operator;
      return unreachable;
    }
  }
};

const infix: Readonly<Record<Operator, string>> = {
  '=': '=',
  '==': '==',
  '!=': '!=',
  in: ' in ',
  notin: ' notin ',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
};

/** The canonical text of a requirement; several values print sorted. */
export const requirementString = (r: Requirement): string => {
  const prefix = r.operator === '!' ? '!' : '';
  if (r.operator === 'exists' || r.operator === '!') return `${prefix}${r.key}`;
  const values = r.values.length === 1 ? (r.values[0] ?? '') : [...r.values].sort().join(',');
  const set = r.operator === 'in' || r.operator === 'notin';
  return `${r.key}${infix[r.operator]}${set ? `(${values})` : values}`;
};
