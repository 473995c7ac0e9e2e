/**
 * A container's `env` and `envFrom` (`pkg/apis/core/validation/validation.go :: ValidateEnv`,
 * `validateEnvVarValueFrom`, `validateObjectFieldSelector`, `validateSecretKeySelector`,
 * `validateConfigMapKeySelector`, `ValidateEnvFrom`, `validateConfigMapEnvSource`, `validateSecretEnvSource`), with
 * the relaxed names and prefixes of gate `RelaxedEnvironmentVariableValidation` (GA before v1.36:
 * `IsRelaxedEnvVarName`).
 */
import * as t from 'io-ts';
import type { Container } from '../k8s/pod.js';
import { invalid, notSupported, required, type FieldError, type FieldPath } from './errors.js';
import { isDNS1123Subdomain, isQualifiedName, nameIsDNSSubdomain } from './names.js';

type EnvVar = NonNullable<Container['env']>[number];
type UnknownRecord = Record<string, unknown>;

/** `IsRelaxedEnvVarName`: printable ASCII other than `=`. */
const relaxedEnvVarName = (name: string): string[] =>
  [...name].some((c) => c < ' ' || c > '~' || c === '=')
    ? ["a valid environment variable name must consist only of printable ASCII characters other than '='"]
    : [];

/** `validEnvDownwardAPIFieldPathExpressions`, sorted as `sets.List` prints them. */
const envFieldPaths = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];

/** The labels `ConvertDownwardAPIFieldLabel` knows for v1 pods (`spec.host` is the old name of `spec.nodeName`). */
const convertibleLabels: ReadonlyMap<string, string> = new Map([
  ...['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.restartPolicy', 'spec.serviceAccountName', 'spec.schedulerName', 'status.phase', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'].map((l): [string, string] => [l, l]),
  ['spec.host', 'spec.nodeName'],
]);

/** `fieldpath.SplitMaybeSubscriptedPath`: `metadata.labels['app']` → path and subscript. */
const splitSubscript = (fieldPath: string): { path: string; subscript?: string } => {
  if (!fieldPath.endsWith("']")) return { path: fieldPath };
  const inner = fieldPath.slice(0, -2);
  const at = inner.indexOf("['");
  return at <= 0 ? { path: fieldPath } : { path: inner.slice(0, at), subscript: inner.slice(at + 2) };
};

const str = (record: UnknownRecord, key: string): string => {
  const value = record[key];
  return typeof value === 'string' ? value : '';
};

/** `validateObjectFieldSelector` with `ConvertDownwardAPIFieldLabel`'s errors. */
const validateFieldRef = (ref: UnknownRecord, path: FieldPath): FieldError[] => {
  const apiVersion = str(ref, 'apiVersion');
  const fieldPath = str(ref, 'fieldPath');
  if (apiVersion === '') return [required([...path, 'apiVersion'])];
  if (fieldPath === '') return [required([...path, 'fieldPath'])];
  const converting = (problem: string) => [invalid([...path, 'fieldPath'], fieldPath, `error converting fieldPath: ${problem}`)];
  if (apiVersion !== 'v1') return converting(`unsupported pod version: ${apiVersion}`);
  const { path: field, subscript } = splitSubscript(fieldPath);
  if (subscript !== undefined) {
    if (field === 'metadata.annotations') return isQualifiedName(subscript.toLowerCase()).map((m) => invalid(path, subscript.toLowerCase(), m));
    if (field === 'metadata.labels') return isQualifiedName(subscript).map((m) => invalid(path, subscript, m));
    return converting(`field label does not support subscript: ${fieldPath}`);
  }
  const internal = convertibleLabels.get(fieldPath);
  if (internal === undefined) return converting(`field label not supported: ${fieldPath}`);
  return envFieldPaths.includes(internal) ? [] : [notSupported([...path, 'fieldPath'], internal, envFieldPaths)];
};

/** `validateSecretKeySelector` / `validateConfigMapKeySelector`: a DNS-subdomain name and a key. */
const validateKeySelector = (selector: UnknownRecord, path: FieldPath): FieldError[] => {
  const name = str(selector, 'name');
  return [
    ...(name === '' ? [] : isDNS1123Subdomain(name).map((m) => invalid([...path, 'name'], name, m))),
    ...(str(selector, 'key') === '' ? [required([...path, 'key'])] : []),
  ];
};

const sourceChecks: ReadonlyArray<readonly [string, ((source: UnknownRecord, path: FieldPath) => FieldError[]) | undefined]> = [
  ['fieldRef', validateFieldRef],
  ['resourceFieldRef', undefined],
  ['configMapKeyRef', validateKeySelector],
  ['secretKeyRef', validateKeySelector],
  ['fileKeyRef', undefined],
];

/** `validateEnvVarValueFrom`: each source's own errors first, then how many sources there are. */
const validateValueFrom = (e: EnvVar, path: FieldPath): FieldError[] => {
  if (e.valueFrom === undefined) return [];
  const { valueFrom } = e;
  const present = sourceChecks.filter(([key]) => valueFrom[key] !== undefined && valueFrom[key] !== null);
  const errors = present.flatMap(([key, check]) => {
    const source = valueFrom[key];
    return check !== undefined && t.UnknownRecord.is(source) ? check(source, [...path, key]) : [];
  });
  if (present.length === 0) errors.push(invalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if ((e.value ?? '') !== '') errors.push(invalid(path, '', 'may not be specified when `value` is not empty'));
  else if (present.length > 1) errors.push(invalid(path, '', 'may not have more than one field specified at a time'));
  return errors;
};

/** `ValidateEnv`. */
export const validateEnv = (env: Container['env'], path: FieldPath): FieldError[] =>
  (env ?? []).flatMap((e, i) => [
    ...(e.name === '' ? [required([...path, i, 'name'])] : relaxedEnvVarName(e.name).map((m) => invalid([...path, i, 'name'], e.name, m))),
    ...validateValueFrom(e, [...path, i, 'valueFrom']),
  ]);

/** `validateConfigMapEnvSource` / `validateSecretEnvSource`: a name, checked as a prefix would be. */
const validateEnvSource = (source: unknown, path: FieldPath): FieldError[] => {
  const name = t.UnknownRecord.is(source) ? str(source, 'name') : '';
  return name === '' ? [required([...path, 'name'])] : nameIsDNSSubdomain(name, true).map((m) => invalid([...path, 'name'], name, m));
};

const envSources = ['configMapRef', 'secretRef'] as const;

/** `ValidateEnvFrom`: a prefix that is a relaxed variable name, and exactly one source (counted errors name the list). */
export const validateEnvFrom = (envFrom: Container['envFrom'], path: FieldPath): FieldError[] =>
  (envFrom ?? []).flatMap((e, i) => {
    const prefix = str(e, 'prefix');
    const present = envSources.filter((key) => e[key] !== undefined && e[key] !== null);
    const errors = [
      ...(prefix === '' ? [] : relaxedEnvVarName(prefix).map((m) => invalid([...path, i, 'prefix'], prefix, m))),
      ...present.flatMap((key) => validateEnvSource(e[key], [...path, i, key])),
    ];
    if (present.length === 0) errors.push(invalid(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (present.length > 1) errors.push(invalid(path, '', 'may not have more than one field specified at a time'));
    return errors;
  });
