/**
 * The API server's defaults inside volumes and downward-API references (`pkg/apis/core/v1/defaults.go`:
 * `SetDefaults_Volume`, `SetDefaults_SecretVolumeSource`, `SetDefaults_ConfigMapVolumeSource`,
 * `SetDefaults_DownwardAPIVolumeSource`, `SetDefaults_ProjectedVolumeSource`,
 * `SetDefaults_ServiceAccountTokenProjection`, `SetDefaults_HostPathVolumeSource`,
 * `SetDefaults_PersistentVolumeClaimSpec`, `SetDefaults_ObjectFieldSelector`; an image volume's `pullPolicy`
 * from `SetDefaults_Volume`). The codec keeps these sources as plain records, so the defaults are written over records. Sources the codec does not name (iscsi, rbd,
 * azureDisk, scaleIO: in-tree plugins long gone from real clusters) keep what the manifest wrote.
 */
import * as t from 'io-ts';
import type { Container, PodSpec } from '../k8s/pod.js';
import { defaultPullPolicy } from './image.js';

type UnknownRecord = Record<string, unknown>;
type Volume = NonNullable<PodSpec['volumes']>[number];
type EnvVar = NonNullable<Container['env']>[number];

/** `SecretVolumeSourceDefaultMode` and its three twins: 0644. */
const DEFAULT_MODE = 420;
/** `SetDefaults_ServiceAccountTokenProjection`: an hour. */
const TOKEN_EXPIRATION_SECONDS = 3600;

const str = (record: UnknownRecord, key: string): string => {
  const value = record[key];
  return typeof value === 'string' ? value : '';
};

const recordAt = (owner: UnknownRecord, key: string): UnknownRecord | undefined => {
  const value = owner[key];
  return t.UnknownRecord.is(value) ? value : undefined;
};

/** A record with `key` set to `value` unless it holds a value already. */
const withDefault = (owner: UnknownRecord, key: string, value: unknown): UnknownRecord => (owner[key] === undefined ? { ...owner, [key]: value } : owner);

/** A record whose record-valued `key` went through `f`; unchanged when `key` holds no record. */
const mapRecord = (owner: UnknownRecord, key: string, f: (inner: UnknownRecord) => UnknownRecord): UnknownRecord => {
  const inner = recordAt(owner, key);
  return inner === undefined ? owner : { ...owner, [key]: f(inner) };
};

/** The same for each record of an array-valued `key`. */
const mapRecords = (owner: UnknownRecord, key: string, f: (inner: UnknownRecord) => UnknownRecord): UnknownRecord => {
  const items = owner[key];
  return Array.isArray(items) ? { ...owner, [key]: items.map((item: unknown) => (t.UnknownRecord.is(item) ? f(item) : item)) } : owner;
};

/** `SetDefaults_ObjectFieldSelector`: a `fieldRef` without `apiVersion` means `v1` (an empty string counts as unset). */
const defaultFieldRef = (owner: UnknownRecord): UnknownRecord =>
  mapRecord(owner, 'fieldRef', (ref) => (ref['apiVersion'] === undefined || ref['apiVersion'] === '' ? { ...ref, apiVersion: 'v1' } : ref));

const defaultDownwardAPI = (source: UnknownRecord): UnknownRecord => mapRecords(source, 'items', defaultFieldRef);

const defaultProjection = (projection: UnknownRecord): UnknownRecord =>
  mapRecord(
    mapRecord(projection, 'downwardAPI', defaultDownwardAPI),
    'serviceAccountToken',
    (token) => withDefault(token, 'expirationSeconds', TOKEN_EXPIRATION_SECONDS),
  );

/** `SetDefaults_Volume`: a volume that names no source at all is an `emptyDir`; each named source gets its own defaults. */
export const defaultVolume = (v: Volume): Volume => {
  if (Object.keys(v).every((key) => key === 'name')) return { ...v, emptyDir: {} };
  return {
    ...v,
    ...(v.secret && { secret: withDefault(v.secret, 'defaultMode', DEFAULT_MODE) }),
    ...(v.configMap && { configMap: withDefault(v.configMap, 'defaultMode', DEFAULT_MODE) }),
    ...(v.downwardAPI && { downwardAPI: defaultDownwardAPI(withDefault(v.downwardAPI, 'defaultMode', DEFAULT_MODE)) }),
    ...(v.projected && { projected: mapRecords(withDefault(v.projected, 'defaultMode', DEFAULT_MODE), 'sources', defaultProjection) }),
    ...(v.hostPath && { hostPath: withDefault(v.hostPath, 'type', '') }),
    // Gate `ImageVolume` (on in v1.36): an image volume pulls as a container with that reference would.
    ...(v.image && { image: v.image['pullPolicy'] === undefined || v.image['pullPolicy'] === '' ? { ...v.image, pullPolicy: defaultPullPolicy(str(v.image, 'reference')) } : v.image }),
    ...(v.ephemeral && {
      ephemeral: mapRecord(v.ephemeral, 'volumeClaimTemplate', (template) => mapRecord(template, 'spec', (spec) => withDefault(spec, 'volumeMode', 'Filesystem'))),
    }),
  };
};

/** An env var's `valueFrom.fieldRef` gets its `apiVersion`. */
export const defaultEnvVar = (env: EnvVar): EnvVar =>
  env.valueFrom === undefined ? env : { ...env, valueFrom: defaultFieldRef(env.valueFrom) };
