/** The manifest error: which file, line and field, and what is wrong, rendered as one line. */

import type { FieldPath } from '../k8s/field-path.js';

export type { FieldPath } from '../k8s/field-path.js';

/** A rule broken at a field, before we know where in the file that field sits. */
export interface FieldError {
  readonly path: FieldPath;
  readonly message: string;
  /** Where to point in the file when that is more precise than `path` (a label's own key, for example). */
  readonly at?: FieldPath;
}

export interface ManifestError {
  readonly file: string;
  readonly line: number;
  /** Dotted field path (`spec.containers[1].resources.limits.memory`), empty for document-level errors. */
  readonly path: string;
  readonly message: string;
}

export { renderPath, parsePath } from '../k8s/field-path.js';

/** `pod.yaml:7: spec.containers[1].resources.limits.memory: "12Q" is not a quantity`. */
export const formatManifestError = (e: ManifestError): string =>
  e.path === '' ? `${e.file}:${e.line}: ${e.message}` : `${e.file}:${e.line}: ${e.path}: ${e.message}`;

// Kubernetes field-error wording (`k8s.io/apimachinery/pkg/util/validation/field :: Error.ErrorBody`): a string
// quoted, a list of strings as Go's `%#v` prints a `[]string`, anything else as it prints.
const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value);
  return Array.isArray(value) ? `[]string{${value.map((item) => JSON.stringify(String(item))).join(', ')}}` : String(value);
};
export const required = (path: FieldPath, detail = ''): FieldError => ({
  path,
  message: detail === '' ? 'Required value' : `Required value: ${detail}`,
});
export const invalid = (path: FieldPath, value: unknown, detail: string): FieldError => ({
  path,
  message: `Invalid value: ${show(value)}: ${detail}`,
});
/** `field.TooLong` (apimachinery ≥ 1.31: the value is omitted). */
export const tooLong = (path: FieldPath, max: number): FieldError => ({
  path,
  message: `Too long: may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}`,
});
/** `field.TooMany`: the count given, then the most allowed. */
export const tooMany = (path: FieldPath, actual: number, max: number): FieldError => ({
  path,
  message: `Too many: ${actual}: must have at most ${max} ${max === 1 ? 'item' : 'items'}`,
});
export const forbidden = (path: FieldPath, detail: string): FieldError => ({ path, message: `Forbidden: ${detail}` });
export const duplicate = (path: FieldPath, value: unknown): FieldError => ({ path, message: `Duplicate value: ${show(value)}` });
export const notFound = (path: FieldPath, value: unknown): FieldError => ({ path, message: `Not found: ${show(value)}` });
export const notSupported = (path: FieldPath, value: unknown, supported: readonly string[]): FieldError => ({
  path,
  message: `Unsupported value: ${show(value)}: supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}`,
});
