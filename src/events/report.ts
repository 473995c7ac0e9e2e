/** Renders io-ts errors as one line each, naming the dotted path of the bad field and the value found. */
import type * as t from 'io-ts';

const render = (value: unknown): string => {
  if (value === undefined) return 'missing';
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}...` : json;
};

interface Tagged {
  readonly _tag?: string;
  readonly type?: unknown;
}

/** The tag of a codec, looking through the wrappers that decode with their inner codec's context. */
const tagOf = (codec: unknown): string | undefined => {
  let c = codec as Tagged | undefined;
  while (c !== undefined && (c._tag === 'ExactType' || c._tag === 'RefinementType' || c._tag === 'ReadonlyType')) {
    c = c.type as Tagged | undefined;
  }
  return c?._tag;
};

/**
 * `spec.containers[1].resources.limits.memory` from an io-ts context. Numeric keys under an array are
 * indexes; under an intersection or union they only pick a member and add nothing to the path.
 */
export const pathOf = (context: t.Context, skipKeys: readonly string[] = []): string => {
  let path = '';
  context.forEach((entry, i) => {
    if (entry.key === '' || skipKeys.includes(entry.key)) return;
    const tag = tagOf(context[i - 1]?.type);
    if (/^\d+$/.test(entry.key)) {
      if (tag === 'IntersectionType' || tag === 'UnionType') return;
      if (tag === 'ArrayType' || tag === 'ReadonlyArrayType') {
        path += `[${entry.key}]`;
        return;
      }
    }
    path += path === '' ? entry.key : `.${entry.key}`;
  });
  return path;
};

const describeExpected = (error: t.ValidationError): string => {
  if (error.message !== undefined) return error.message;
  const last = error.context[error.context.length - 1];
  const name = last?.type.name ?? 'value';
  if (name === 'Int') return 'is not an integer';
  return `is not ${/^[aeiouAEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
};

/** One line for the first error (the first is enough to name what and where; more only repeat). */
export const formatError = (error: t.ValidationError, skipKeys: readonly string[] = []): string => {
  const path = pathOf(error.context, skipKeys);
  const what = error.value === undefined ? 'is required' : `${render(error.value)} ${describeExpected(error)}`;
  return path === '' ? what : `${path}: ${what}`;
};

export const formatErrors = (errors: t.Errors, skipKeys: readonly string[] = []): string => {
  const first = errors[0];
  return first === undefined ? 'invalid' : formatError(first, skipKeys);
};
