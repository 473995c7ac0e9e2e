/**
 * The ServiceAccount admission plugin (`plugin/pkg/admission/serviceaccount/admission.go :: Admit`,
 * `mountServiceAccountToken`, `TokenVolumeSource`): `serviceAccountName` defaults to `default`, and unless
 * automounting is off every container and init container mounts a `kube-api-access-XXXXX` projected volume
 * (a bound token, the cluster CA, the namespace) read-only at the token path.
 */
import { createHash } from 'node:crypto';
import type { Container, V1Pod } from '../k8s/pod.js';
import { CONFIG_MIRROR_ANNOTATION } from '../k8s/static-pods.js';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const VOLUME_PREFIX = 'kube-api-access-';

/** `utilrand.String`'s alphabet (no vowels, no confusable digits), as `names.SimpleNameGenerator` uses it. */
const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * The five-character suffix `SimpleNameGenerator` draws at random, drawn here from the pod's namespace and
 * name instead: a replay, and a second `apply` of the same manifest, yield the same volume name.
 */
export const tokenVolumeName = (namespace: string, name: string): string => {
  const digest = createHash('sha256').update(`${namespace}/${name}`).digest();
  return VOLUME_PREFIX + [...digest.subarray(0, 5)].map((byte) => alphabet[byte % alphabet.length] ?? 'b').join('');
};

/** `TokenVolumeSource`: the projected sources of the token volume, token expiry 3607 s (an hour plus the jitter allowance). */
const tokenVolumeSource = {
  sources: [
    { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
    { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
    { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
  ],
  defaultMode: 420,
};

/** Adds the mount unless the container already mounts something at the token path. */
const withMount = (c: Container, volume: string): { container: Container; added: boolean } =>
  (c.volumeMounts ?? []).some((m) => m.mountPath === TOKEN_MOUNT_PATH)
    ? { container: c, added: false }
    : { container: { ...c, volumeMounts: [...(c.volumeMounts ?? []), { name: volume, readOnly: true, mountPath: TOKEN_MOUNT_PATH }] }, added: true };

export const admitServiceAccount = (pod: V1Pod): V1Pod => {
  // the admission plugin never changes a mirror pod's spec (`kubelet.ConfigMirrorAnnotationKey`)
  if (pod.metadata.annotations?.[CONFIG_MIRROR_ANNOTATION] !== undefined) return pod;
  // v1's deprecated `serviceAccount` stands in for an empty `serviceAccountName`, and mirrors it on the way out.
  const account = pod.spec.serviceAccountName || pod.spec.serviceAccount || DEFAULT_SERVICE_ACCOUNT;
  const spec = { ...pod.spec, serviceAccountName: account, serviceAccount: account };
  // `shouldAutomount`: the pod's choice wins; the default service account does not opt out.
  if (pod.spec.automountServiceAccountToken === false) return { ...pod, spec };
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith(VOLUME_PREFIX));
  const volume = existing?.name ?? tokenVolumeName(pod.metadata.namespace ?? 'default', pod.metadata.name ?? '');
  const init = (spec.initContainers ?? []).map((c) => withMount(c, volume));
  const regular = spec.containers.map((c) => withMount(c, volume));
  const needsVolume = existing === undefined && [...init, ...regular].some((m) => m.added);
  return {
    ...pod,
    spec: {
      ...spec,
      ...(spec.initContainers === undefined ? {} : { initContainers: init.map((m) => m.container) }),
      containers: regular.map((m) => m.container),
      ...(needsVolume ? { volumes: [...(spec.volumes ?? []), { name: volume, projected: tokenVolumeSource }] } : {}),
    },
  };
};
