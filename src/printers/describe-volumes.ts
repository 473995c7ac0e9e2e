/** The Volumes section of `kubectl describe pod` (`describe.go :: describeVolumes` and the per-source printers). */
import type { V1Pod } from '../k8s/pod.js';
import { canonicalQuantity } from '../k8s/quantity.js';
import { boolAt, numberAt, recordAt, recordsAt, stringAt, type UnknownRecord } from './fields.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from './prefix-writer.js';

type Volume = NonNullable<V1Pod['spec']['volumes']>[number];

/** A source's type line and its detail lines, written at level 2 (continuation lines carry their own 4 spaces). */
const source = (w: PrefixWriter, type: string, details: readonly (readonly [string, string | boolean | number])[]): void => {
  w.write(LEVEL_2, `Type:\t${type}\n${details.map(([k, v]) => `    ${k}:\t${String(v)}\n`).join('')}`);
};

const printProjected = (w: PrefixWriter, projected: UnknownRecord): void => {
  w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const s of recordsAt(projected, 'sources')) {
    const secret = recordAt(s, 'secret');
    const configMap = recordAt(s, 'configMap');
    const token = recordAt(s, 'serviceAccountToken');
    if (secret !== undefined) {
      w.write(LEVEL_2, `SecretName:\t${stringAt(secret, 'name') ?? ''}\n    Optional:\t${boolAt(secret, 'optional')}\n`);
    } else if (recordAt(s, 'downwardAPI') !== undefined) {
      w.write(LEVEL_2, 'DownwardAPI:\ttrue\n');
    } else if (configMap !== undefined) {
      w.write(LEVEL_2, `ConfigMapName:\t${stringAt(configMap, 'name') ?? ''}\n    Optional:\t${boolAt(configMap, 'optional')}\n`);
    } else if (token !== undefined) {
      // expirationSeconds is defaulted to an hour by the API server
      w.write(LEVEL_2, `TokenExpirationSeconds:\t${numberAt(token, 'expirationSeconds') ?? 3600}\n`);
    }
  }
};

const printDownwardAPI = (w: PrefixWriter, d: UnknownRecord): void => {
  w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
  for (const item of recordsAt(d, 'items')) {
    const path = stringAt(item, 'path') ?? '';
    const field = stringAt(recordAt(item, 'fieldRef'), 'fieldPath');
    const resource = stringAt(recordAt(item, 'resourceFieldRef'), 'resource');
    if (field !== undefined) w.write(LEVEL_3, `${field} -> ${path}\n`);
    if (resource !== undefined) w.write(LEVEL_3, `${resource} -> ${path}\n`);
  }
};

/** One volume's source, in describe's order of checks; sources not ported print `<unknown>`. */
const printSource = (w: PrefixWriter, v: Volume): void => {
  if (v.hostPath !== undefined) {
    source(w, 'HostPath (bare host directory volume)', [['Path', stringAt(v.hostPath, 'path') ?? ''], ['HostPathType', stringAt(v.hostPath, 'type') ?? '<none>']]);
  } else if (v.emptyDir !== undefined) {
    const limit = v.emptyDir.sizeLimit === undefined ? undefined : canonicalQuantity(v.emptyDir.sizeLimit);
    source(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
      ['Medium', v.emptyDir.medium ?? ''],
      ['SizeLimit', limit === undefined || limit === '0' ? '<unset>' : limit],
    ]);
  } else if (v.secret !== undefined) {
    source(w, 'Secret (a volume populated by a Secret)', [['SecretName', stringAt(v.secret, 'secretName') ?? ''], ['Optional', boolAt(v.secret, 'optional')]]);
  } else if (v.configMap !== undefined) {
    source(w, 'ConfigMap (a volume populated by a ConfigMap)', [['Name', stringAt(v.configMap, 'name') ?? ''], ['Optional', boolAt(v.configMap, 'optional')]]);
  } else if (v.nfs !== undefined) {
    source(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [
      ['Server', stringAt(v.nfs, 'server') ?? ''],
      ['Path', stringAt(v.nfs, 'path') ?? ''],
      ['ReadOnly', boolAt(v.nfs, 'readOnly')],
    ]);
  } else if (v.persistentVolumeClaim !== undefined) {
    source(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [
      ['ClaimName', stringAt(v.persistentVolumeClaim, 'claimName') ?? ''],
      ['ReadOnly', boolAt(v.persistentVolumeClaim, 'readOnly')],
    ]);
  } else if (v.downwardAPI !== undefined) {
    printDownwardAPI(w, v.downwardAPI);
  } else if (v.projected !== undefined) {
    printProjected(w, v.projected);
  } else if (v.image !== undefined) {
    // printImageVolumeSource: the reference and pull policy as stored (SetDefaults_Volume fills the policy on apply)
    source(w, 'Image (a container image or OCI artifact)', [['Reference', stringAt(v.image, 'reference') ?? ''], ['PullPolicy', stringAt(v.image, 'pullPolicy') ?? '']]);
  } else {
    w.write(LEVEL_1, '<unknown>\n');
  }
};

export const describeVolumes = (w: PrefixWriter, volumes: readonly Volume[] | undefined): void => {
  if (volumes === undefined || volumes.length === 0) {
    w.write(LEVEL_0, 'Volumes:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volumes:\n');
  for (const v of volumes) {
    w.write(LEVEL_1, `${v.name}:\n`);
    printSource(w, v);
  }
};
