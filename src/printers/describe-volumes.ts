/** The Volumes section of `kubectl describe pod` (`describe.go :: describeVolumes` and the per-source printers). */
import type { V1Pod } from '../k8s/pod.js';
import { canonicalQuantity } from '../k8s/quantity.js';
import { goLength, goPrefix } from '../k8s/go-bytes.js';
import { printAnnotationsMultiline, printLabelsMultiline } from './describe-multiline.js';
import { VOLUME_SOURCES } from './describe-volume-sources.js';
import { boolAt, numberAt, recordAt, recordsAt, stringAt, type UnknownRecord } from './fields.js';
import { sortedBy } from './go-sort.js';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, nestedPrefixWriter, type PrefixWriter } from './prefix-writer.js';

type Volume = NonNullable<V1Pod['spec']['volumes']>[number];

/**
 * A source's type line and its detail lines, written at level 2 (continuation lines carry their own 4 spaces);
 * each label as describe writes it before the tab.
 */
const source = (w: PrefixWriter, type: string, details: readonly (readonly [string, string | boolean | number])[]): void => {
  w.write(LEVEL_2, `Type:\t${type}\n${details.map(([k, v]) => `    ${k}\t${String(v)}\n`).join('')}`);
};

/** describe.go's maxAnnotationLen, which cuts a CSI volume's attribute lines too. */
const MAX_ATTRIBUTE_LEN = 140;

/**
 * `printCSIPersistentVolumeAttributesMultilineIndent`: every line written at level 2, the first after the title's
 * tab and each further one after a level-2 tab, so the values carry 4 more spaces than the cell (as kubectl shows
 * them); a line longer than 140 bytes cut with `...`.
 */
const printVolumeAttributes = (w: PrefixWriter, attributes: UnknownRecord | undefined): void => {
  w.write(LEVEL_2, 'VolumeAttributes:\t');
  const keys = sortedBy(Object.keys(attributes ?? {}), (k) => k);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_2, '');
      w.write(LEVEL_2, '\t');
    }
    const line = `${key}=${String(attributes?.[key] ?? '')}`;
    w.write(LEVEL_2, goLength(line) > MAX_ATTRIBUTE_LEN ? `${goPrefix(line, MAX_ATTRIBUTE_LEN)}...\n` : `${line}\n`);
  });
};

const printCSI = (w: PrefixWriter, csi: UnknownRecord): void => {
  source(w, 'CSI (a Container Storage Interface (CSI) volume source)', [
    ['Driver:', stringAt(csi, 'driver') ?? ''],
    ['FSType:', stringAt(csi, 'fsType') ?? ''],
    ['ReadOnly:', boolAt(csi, 'readOnly')],
  ]);
  printVolumeAttributes(w, recordAt(csi, 'volumeAttributes'));
};

/** `storageutil.GetPersistentVolumeClaimClass`: the beta annotation first, then spec.storageClassName. */
const claimClass = (metadata: UnknownRecord | undefined, spec: UnknownRecord | undefined): string =>
  stringAt(recordAt(metadata, 'annotations'), 'volume.beta.kubernetes.io/storage-class') ?? stringAt(spec, 'storageClassName') ?? '';

const stringMap = (r: UnknownRecord | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(r ?? {}).map(([k, v]) => [k, String(v)]));

/**
 * `printEphemeralVolumeSource`: the claim template through `printPersistentVolumeClaim(NewNestedPrefixWriter(w,
 * LEVEL_2), …, false)`: no name, status nor finalizers; Capacity and Access Modes empty (a template has no
 * volumeName).
 */
const printEphemeral = (w: PrefixWriter, ephemeral: UnknownRecord): void => {
  w.write(LEVEL_2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
  const template = recordAt(ephemeral, 'volumeClaimTemplate');
  if (template === undefined) return;
  const n = nestedPrefixWriter(w, LEVEL_2);
  const metadata = recordAt(template, 'metadata');
  const spec = recordAt(template, 'spec');
  n.write(LEVEL_0, `StorageClass:\t${claimClass(metadata, spec)}\n`);
  n.write(LEVEL_0, `Volume:\t${stringAt(spec, 'volumeName') ?? ''}\n`);
  printLabelsMultiline(n, 'Labels', stringMap(recordAt(metadata, 'labels')));
  printAnnotationsMultiline(n, 'Annotations', stringMap(recordAt(metadata, 'annotations')));
  n.write(LEVEL_0, 'Capacity:\t\n');
  n.write(LEVEL_0, 'Access Modes:\t\n');
  const mode = stringAt(spec, 'volumeMode');
  if (mode !== undefined) n.write(LEVEL_0, `VolumeMode:\t${mode}\n`);
  const dataSource = recordAt(spec, 'dataSource');
  if (dataSource !== undefined) {
    n.write(LEVEL_0, 'DataSource:\n');
    const group = stringAt(dataSource, 'apiGroup');
    if (group !== undefined) n.write(LEVEL_1, `APIGroup:\t${group}\n`);
    n.write(LEVEL_1, `Kind:\t${stringAt(dataSource, 'kind') ?? ''}\n`);
    n.write(LEVEL_1, `Name:\t${stringAt(dataSource, 'name') ?? ''}\n`);
  }
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

/** One volume's source (a valid volume has one), `<unknown>` for one describe does not know. */
const printSource = (w: PrefixWriter, v: Volume): void => {
  if (v.hostPath !== undefined) {
    source(w, 'HostPath (bare host directory volume)', [['Path:', stringAt(v.hostPath, 'path') ?? ''], ['HostPathType:', stringAt(v.hostPath, 'type') ?? '<none>']]);
  } else if (v.emptyDir !== undefined) {
    const limit = v.emptyDir.sizeLimit === undefined ? undefined : canonicalQuantity(v.emptyDir.sizeLimit);
    source(w, "EmptyDir (a temporary directory that shares a pod's lifetime)", [
      ['Medium:', v.emptyDir.medium ?? ''],
      ['SizeLimit:', limit === undefined || limit === '0' ? '<unset>' : limit],
    ]);
  } else if (v.secret !== undefined) {
    source(w, 'Secret (a volume populated by a Secret)', [['SecretName:', stringAt(v.secret, 'secretName') ?? ''], ['Optional:', boolAt(v.secret, 'optional')]]);
  } else if (v.configMap !== undefined) {
    source(w, 'ConfigMap (a volume populated by a ConfigMap)', [['Name:', stringAt(v.configMap, 'name') ?? ''], ['Optional:', boolAt(v.configMap, 'optional')]]);
  } else if (v.nfs !== undefined) {
    source(w, 'NFS (an NFS mount that lasts the lifetime of a pod)', [
      ['Server:', stringAt(v.nfs, 'server') ?? ''],
      ['Path:', stringAt(v.nfs, 'path') ?? ''],
      ['ReadOnly:', boolAt(v.nfs, 'readOnly')],
    ]);
  } else if (v.persistentVolumeClaim !== undefined) {
    source(w, 'PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)', [
      ['ClaimName:', stringAt(v.persistentVolumeClaim, 'claimName') ?? ''],
      ['ReadOnly:', boolAt(v.persistentVolumeClaim, 'readOnly')],
    ]);
  } else if (v.downwardAPI !== undefined) {
    printDownwardAPI(w, v.downwardAPI);
  } else if (v.projected !== undefined) {
    printProjected(w, v.projected);
  } else if (v.csi !== undefined) {
    printCSI(w, v.csi);
  } else if (v.ephemeral !== undefined) {
    printEphemeral(w, v.ephemeral);
  } else if (v.image !== undefined) {
    // printImageVolumeSource: the reference and pull policy as stored (SetDefaults_Volume fills the policy on apply)
    source(w, 'Image (a container image or OCI artifact)', [['Reference:', stringAt(v.image, 'reference') ?? ''], ['PullPolicy:', stringAt(v.image, 'pullPolicy') ?? '']]);
  } else {
    const other = VOLUME_SOURCES.find((kind) => recordAt(v, kind.key) !== undefined);
    if (other === undefined) w.write(LEVEL_1, '<unknown>\n');
    else {
      const from = recordAt(v, other.key) ?? {};
      source(w, other.type, other.fields.map(([label, value]) => [label, value(from)] as const));
    }
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
