/** Decodes one manifest object into a V1Pod, with errors in the API server's words where it has them. */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { formatError, pathOf } from '../events/report.js';
import { V1Pod } from '../k8s/pod.js';
import { notSupported, parsePath, required, type FieldError } from './errors.js';
import { goZeroValues } from './zero-values.js';

/** One io-ts error as a field error: `Required value`, `Unsupported value: …` for enums, else the codec's own words. */
const fieldErrorOf = (error: t.ValidationError): FieldError => {
  const rendered = pathOf(error.context);
  const path = parsePath(rendered);
  if (error.value === undefined) return required(path);
  const codec = error.context[error.context.length - 1]?.type;
  if (codec instanceof t.KeyofType) return notSupported(path, error.value, Object.keys(codec.keys));
  const full = formatError(error);
  return { path, message: rendered === '' ? full : full.slice(rendered.length + 2) };
};

export const decodePod = (raw: Record<string, unknown>): E.Either<FieldError, V1Pod> => {
  const decoded = V1Pod.decode(goZeroValues(raw));
  if (E.isRight(decoded)) return decoded;
  const [first] = decoded.left;
  return E.left(first === undefined ? { path: [], message: 'is not a valid Pod' } : fieldErrorOf(first));
};
