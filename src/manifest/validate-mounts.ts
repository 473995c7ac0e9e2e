/**
 * A container's `volumeMounts` against the pod's volumes and the container's own `volumeDevices`
 * (`pkg/apis/core/validation/validation.go :: ValidateVolumeMounts`, `validateLocalDescendingPath`,
 * `validateMountPropagation`, `validateMountRecursiveReadOnly`). As upstream, the sub-path, propagation and
 * recursive-read-only errors name the list (`volumeMounts.subPath`), not the mount's index.
 */
import * as t from 'io-ts';
import type { Container, PodSpec } from '../k8s/pod.js';
import { forbidden, invalid, notFound, notSupported, required, type FieldError, type FieldPath } from './errors.js';

export type Volumes = ReadonlyMap<string, NonNullable<PodSpec['volumes']>[number]>;
type VolumeMount = NonNullable<Container['volumeMounts']>[number];

const propagations = ['Bidirectional', 'HostToContainer', 'None'];
const recursiveReadOnlyModes = ['Disabled', 'Enabled', 'IfPossible'];

/** `validateLocalDescendingPath`: relative, and no `..` element. */
const localDescendingPath = (target: string, path: FieldPath): FieldError[] => [
  ...(target.startsWith('/') ? [invalid(path, target, 'must be a relative path')] : []),
  ...(target.split('/').includes('..') ? [invalid(path, target, "must not contain '..'")] : []),
];

const privileged = (c: Container): boolean => c.securityContext?.['privileged'] === true;

const validatePropagation = (mode: string, c: Container, path: FieldPath): FieldError[] => [
  ...(propagations.includes(mode) ? [] : [notSupported(path, mode, propagations)]),
  ...(mode === 'Bidirectional' && !privileged(c) ? [forbidden(path, 'Bidirectional mount propagation is available only to privileged containers')] : []),
];

const validateRecursiveReadOnly = (m: VolumeMount, path: FieldPath): FieldError[] => {
  const mode = m.recursiveReadOnly;
  if (mode === undefined || mode === 'Disabled') return [];
  if (!recursiveReadOnlyModes.includes(mode)) return [notSupported(path, mode, recursiveReadOnlyModes)];
  return [
    ...(m.readOnly === true ? [] : [forbidden(path, 'may only be specified when readOnly is true')]),
    ...(m.mountPropagation === undefined || m.mountPropagation === 'None' ? [] : [forbidden(path, 'may only be specified when mountPropagation is None or not specified')]),
  ];
};

/** The container's block devices, name to device path (`GetVolumeDeviceMap`). */
const deviceMap = (c: Container): ReadonlyMap<string, string> =>
  new Map(
    (c.volumeDevices ?? []).flatMap((d) => {
      const [name, devicePath] = [d['name'], d['devicePath']];
      return typeof name === 'string' && typeof devicePath === 'string' ? [[name, devicePath] as const] : [];
    }),
  );

export const validateVolumeMounts = (c: Container, volumes: Volumes, path: FieldPath): FieldError[] => {
  const devices = deviceMap(c);
  const devicePaths = new Set(devices.values());
  const mountPaths = new Set<string>();
  return (c.volumeMounts ?? []).flatMap((m, i) => {
    const at: FieldPath = [...path, i];
    const errors: FieldError[] = [];
    if (m.name === '') errors.push(required([...at, 'name']));
    const volume = volumes.get(m.name);
    if (volume === undefined) errors.push(notFound([...at, 'name'], m.name));
    if (m.mountPath === '') errors.push(required([...at, 'mountPath']));
    if (mountPaths.has(m.mountPath)) errors.push(invalid([...at, 'mountPath'], m.mountPath, 'must be unique'));
    mountPaths.add(m.mountPath);
    if (devices.has(m.name)) errors.push(invalid([...at, 'name'], m.name, 'must not already exist in volumeDevices'));
    if (devicePaths.has(m.mountPath)) errors.push(invalid([...at, 'mountPath'], m.mountPath, 'must not already exist as a path in volumeDevices'));
    const [subPath, subPathExpr] = [m.subPath ?? '', m.subPathExpr ?? ''];
    // An image volume is a read-only OCI artifact mounted whole (gate `ImageVolume`).
    if (volume !== undefined && t.UnknownRecord.is(volume.image)) {
      if (subPath !== '') errors.push(invalid([...at, 'subPath'], subPath, 'not allowed in image volume sources'));
      if (subPathExpr !== '') errors.push(invalid([...at, 'subPathExpr'], subPathExpr, 'not allowed in image volume sources'));
    }
    if (subPath !== '') errors.push(...localDescendingPath(subPath, [...path, 'subPath']));
    if (subPathExpr !== '') {
      if (subPath !== '') errors.push(invalid([...at, 'subPathExpr'], subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errors.push(...localDescendingPath(subPathExpr, [...path, 'subPathExpr']));
    }
    if (m.mountPropagation !== undefined) errors.push(...validatePropagation(m.mountPropagation, c, [...path, 'mountPropagation']));
    errors.push(...validateRecursiveReadOnly(m, [...path, 'recursiveReadOnly']));
    return errors;
  });
};
