/**
 * The volume sources `describe.go :: describeVolumes` prints as a type line and `Name:\t%v` lines
 * (`printGCEPersistentDiskVolumeSource`, `printRBDVolumeSource`, … `printFlockerVolumeSource`), as data: each
 * field with its value as Go's `%v` prints the API's field. A default the API server fills in
 * (`pkg/apis/core/v1/defaults.go`: SetDefaults_ISCSIVolumeSource, _RBDVolumeSource, _AzureDiskVolumeSource,
 * _ScaleIOVolumeSource) is printed when the object leaves it out, as the stored object holds it.
 */
import { goValue } from './go-fmt.js';
import { numberAt, recordAt, stringAt, type UnknownRecord } from './fields.js';

/** A line's label as describe writes it before the tab (its colon too), and its value. */
type Field = readonly [label: string, value: (source: UnknownRecord) => string];

/** One source kind: its field in `VolumeSource`, its `Type:` text and its lines. */
export interface VolumeSourceLines {
  readonly key: string;
  readonly type: string;
  readonly fields: readonly Field[];
}

/** `%v` of a string field; of an int32 (0 when unset); of a bool (false when unset). */
const text =
  (key: string, fallback = ''): Field[1] =>
  (s) =>
    stringAt(s, key) ?? fallback;
const int = (key: string): Field[1] => (s) => String(numberAt(s, key) ?? 0);
const bool = (key: string): Field[1] => (s) => String(s[key] === true);
/** `%v` of a `[]string`: `[a b]`, `[]` when unset. */
const list = (key: string): Field[1] => (s) => goValue(Array.isArray(s[key]) ? s[key] : []);
/** `%v` of a `*LocalObjectReference`: `&{name}`, `<nil>` when unset. */
const ref = (key: string): Field[1] => (s) => {
  const r = recordAt(s, key);
  return r === undefined ? '<nil>' : `&{${stringAt(r, 'name') ?? ''}}`;
};
/** `%v` of a `map[string]string`: `map[k:v …]`, keys sorted; `map[]` when unset. */
const map = (key: string): Field[1] => (s) => goValue(recordAt(s, key) ?? {});

const PARTITIONED: readonly Field[] = [['FSType:', text('fsType')], ['Partition:', int('partition')], ['ReadOnly:', bool('readOnly')]];

/** In describeVolumes' order of checks (a valid volume has one source). */
export const VOLUME_SOURCES: readonly VolumeSourceLines[] = [
  { key: 'gcePersistentDisk', type: 'GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)', fields: [['PDName:', text('pdName')], ...PARTITIONED] },
  { key: 'awsElasticBlockStore', type: 'AWSElasticBlockStore (a Persistent Disk resource in AWS)', fields: [['VolumeID:', text('volumeID')], ...PARTITIONED] },
  { key: 'gitRepo', type: 'GitRepo (a volume that is pulled from git when the pod is created)', fields: [['Repository:', text('repository')], ['Revision:', text('revision')]] },
  {
    key: 'iscsi',
    type: "ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)",
    fields: [
      ['TargetPortal:', text('targetPortal')],
      ['IQN:', text('iqn')],
      ['Lun:', int('lun')],
      // printISCSIVolumeSource writes this label without its colon
      ['ISCSIInterface', text('iscsiInterface', 'default')],
      ['FSType:', text('fsType')],
      ['ReadOnly:', bool('readOnly')],
      ['Portals:', list('portals')],
      ['DiscoveryCHAPAuth:', bool('chapAuthDiscovery')],
      ['SessionCHAPAuth:', bool('chapAuthSession')],
      ['SecretRef:', ref('secretRef')],
      ['InitiatorName:', text('initiatorName', '<none>')],
    ],
  },
  { key: 'glusterfs', type: "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)", fields: [['EndpointsName:', text('endpoints')], ['Path:', text('path')], ['ReadOnly:', bool('readOnly')]] },
  {
    key: 'rbd',
    type: "RBD (a Rados Block Device mount on the host that shares a pod's lifetime)",
    fields: [['CephMonitors:', list('monitors')], ['RBDImage:', text('image')], ['FSType:', text('fsType')], ['RBDPool:', text('pool', 'rbd')], ['RadosUser:', text('user', 'admin')], ['Keyring:', text('keyring', '/etc/ceph/keyring')], ['SecretRef:', ref('secretRef')], ['ReadOnly:', bool('readOnly')]],
  },
  { key: 'quobyte', type: "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)", fields: [['Registry:', text('registry')], ['Volume:', text('volume')], ['ReadOnly:', bool('readOnly')]] },
  {
    key: 'azureDisk',
    type: 'AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)',
    fields: [
      ['DiskName:', text('diskName')],
      ['DiskURI:', text('diskURI')],
      // printAzureDiskVolumeSource writes `Kind: \t`
      ['Kind: ', text('kind', 'Shared')],
      ['FSType:', text('fsType', 'ext4')],
      ['CachingMode:', text('cachingMode', 'ReadWrite')],
      ['ReadOnly:', bool('readOnly')],
    ],
  },
  { key: 'vsphereVolume', type: 'vSphereVolume (a Persistent Disk resource in vSphere)', fields: [['VolumePath:', text('volumePath')], ['FSType:', text('fsType')], ['StoragePolicyName:', text('storagePolicyName')]] },
  { key: 'cinder', type: 'Cinder (a Persistent Disk resource in OpenStack)', fields: [['VolumeID:', text('volumeID')], ['FSType:', text('fsType')], ['ReadOnly:', bool('readOnly')], ['SecretRef:', ref('secretRef')]] },
  { key: 'photonPersistentDisk', type: 'PhotonPersistentDisk (a Persistent Disk resource in photon platform)', fields: [['PdID:', text('pdID')], ['FSType:', text('fsType')]] },
  { key: 'portworxVolume', type: 'PortworxVolume (a Portworx Volume resource)', fields: [['VolumeID:', text('volumeID')]] },
  {
    key: 'scaleIO',
    type: 'ScaleIO (a persistent volume backed by a block device in ScaleIO)',
    fields: [['Gateway:', text('gateway')], ['System:', text('system')], ['Protection Domain:', text('protectionDomain')], ['Storage Pool:', text('storagePool')], ['Storage Mode:', text('storageMode', 'ThinProvisioned')], ['VolumeName:', text('volumeName')], ['FSType:', text('fsType', 'xfs')], ['ReadOnly:', bool('readOnly')]],
  },
  {
    key: 'cephfs',
    type: "CephFS (a CephFS mount on the host that shares a pod's lifetime)",
    fields: [['Monitors:', list('monitors')], ['Path:', text('path')], ['User:', text('user')], ['SecretFile:', text('secretFile')], ['SecretRef:', ref('secretRef')], ['ReadOnly:', bool('readOnly')]],
  },
  {
    key: 'storageos',
    type: 'StorageOS (a StorageOS Persistent Disk resource)',
    fields: [['VolumeName:', text('volumeName')], ['VolumeNamespace:', text('volumeNamespace')], ['FSType:', text('fsType')], ['ReadOnly:', bool('readOnly')]],
  },
  {
    key: 'fc',
    type: 'FC (a Fibre Channel disk)',
    fields: [['TargetWWNs:', (s) => (Array.isArray(s['targetWWNs']) ? s['targetWWNs'].map(String).join(', ') : '')], ['LUN:', (s) => String(numberAt(s, 'lun') ?? '<none>')], ['FSType:', text('fsType')], ['ReadOnly:', bool('readOnly')]],
  },
  {
    key: 'azureFile',
    type: 'AzureFile (an Azure File Service mount on the host and bind mount to the pod)',
    fields: [['SecretName:', text('secretName')], ['ShareName:', text('shareName')], ['ReadOnly:', bool('readOnly')]],
  },
  {
    key: 'flexVolume',
    type: 'FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)',
    fields: [['Driver:', text('driver')], ['FSType:', text('fsType')], ['SecretRef:', ref('secretRef')], ['ReadOnly:', bool('readOnly')], ['Options:', map('options')]],
  },
  { key: 'flocker', type: 'Flocker (a Flocker volume mounted by the Flocker agent)', fields: [['DatasetName:', text('datasetName')], ['DatasetUUID:', text('datasetUUID')]] },
];
