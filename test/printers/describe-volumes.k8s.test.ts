/**
 * describe pod's Volumes section for the sources Kubernetes' own describe cases leave out (describe_test.go at
 * kubectl v0.36.3 has only TestDescribePodVolumes' image volume): each as `describe.go :: describeVolumes` and its
 * per-source printers write it, the labels as they are spelled there (`ISCSIInterface` without its colon, AzureDisk's
 * `Kind: `), Go's `%v` of lists (`[a b]`), references (`&{name}`, `<nil>`) and maps (`map[k:v]`), the API server's
 * defaults for fields the object leaves out (SetDefaults_RBDVolumeSource, _ISCSIVolumeSource, _AzureDiskVolumeSource),
 * a CSI volume's attributes as printCSIPersistentVolumeAttributesMultilineIndent writes them (each line at level 2
 * after the cell's tab: 4 more spaces) and an ephemeral volume's claim template through a NestedPrefixWriter.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, test } from 'vitest';
import { V1Pod } from '../../src/k8s/pod.js';
import { describePod } from '../../src/printers/describe-pod.js';
import { NOW } from './fixtures.js';

/** The Volumes section of a pod holding `volumes`, decoded by the codec (which keeps the sources it does not type). */
const volumesOf = (volumes: readonly { readonly name: string; readonly [source: string]: unknown }[]): string => {
  const pod = V1Pod.decode({ metadata: { name: 'bar', namespace: 'foo' }, spec: { containers: [], volumes } });
  if (E.isLeft(pod)) throw new Error('bad pod literal');
  const out = describePod(pod.right, undefined, NOW);
  return out.slice(out.indexOf('Volumes:\n'), out.indexOf('QoS Class:'));
};

describe('describe pod: volume sources (describe.go :: describeVolumes)', () => {
  test('CSI: driver, fsType, readOnly, then the sorted attributes, each line 4 spaces past the cell', () => {
    const csi = { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'azure-kv', 'usePodIdentity': 'false' } };
    expect(volumesOf([{ name: 'secrets', csi }])).toBe(
      [
        'Volumes:',
        '  secrets:',
        '    Type:              CSI (a Container Storage Interface (CSI) volume source)',
        '    Driver:            secrets-store.csi.k8s.io',
        '    FSType:            ',
        '    ReadOnly:          true',
        '    VolumeAttributes:      secretProviderClass=azure-kv',
        '                           usePodIdentity=false',
        '',
      ].join('\n'),
    );
    expect(volumesOf([{ name: 'plain', csi: { driver: 'd' } }])).toContain('    ReadOnly:          false\n    VolumeAttributes:  <none>\n');
  });

  test('ephemeral: the claim template as printPersistentVolumeClaim writes it, nested two levels', () => {
    const ephemeral = {
      volumeClaimTemplate: {
        metadata: { labels: { type: 'scratch', app: 'web' } },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'fast', volumeMode: 'Filesystem', resources: { requests: { storage: '1Gi' } }, dataSource: { kind: 'VolumeSnapshot', name: 'snap', apiGroup: 'snapshot.storage.k8s.io' } },
      },
    };
    expect(volumesOf([{ name: 'scratch', ephemeral }])).toBe(
      [
        'Volumes:',
        '  scratch:',
        '    Type:          EphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)',
        '    StorageClass:  fast',
        '    Volume:        ',
        // the nested writer's lines at level 2 after the cell's tab, as printLabelsMultilineWithIndent's through it
        '    Labels:            app=web',
        '                       type=scratch',
        '    Annotations:       <none>',
        '    Capacity:      ',
        '    Access Modes:  ',
        '    VolumeMode:    Filesystem',
        '    DataSource:',
        '      APIGroup:  snapshot.storage.k8s.io',
        '      Kind:      VolumeSnapshot',
        '      Name:      snap',
        '',
      ].join('\n'),
    );
  });

  test('the in-tree and legacy sources, with Go %v values and the API server defaults', () => {
    expect(
      volumesOf([
        { name: 'gce', gcePersistentDisk: { pdName: 'disk-1', fsType: 'ext4', partition: 1 } },
        { name: 'ebs', awsElasticBlockStore: { volumeID: 'vol-0abc', readOnly: true } },
        { name: 'rbd', rbd: { monitors: ['10.0.0.1:6789', '10.0.0.2:6789'], image: 'foo', secretRef: { name: 'ceph-secret' } } },
        { name: 'iscsi', iscsi: { targetPortal: '10.0.2.15:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 0 } },
        { name: 'azure', azureDisk: { diskName: 'd', diskURI: 'https://x/d.vhd' } },
        { name: 'fc', fc: { targetWWNs: ['500a0982991b8dc5', '500a0982891b8dc5'], lun: 2 } },
        // the last volume's lines align with QoS Class and Node-Selectors after them (one tabwriter block)
        { name: 'flex', flexVolume: { driver: 'kubernetes.io/lvm', options: { volumeID: 'vol1', size: '1000m' } } },
      ]),
    ).toBe(
      [
        'Volumes:',
        '  gce:',
        '    Type:       GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)',
        '    PDName:     disk-1',
        '    FSType:     ext4',
        '    Partition:  1',
        '    ReadOnly:   false',
        '  ebs:',
        '    Type:       AWSElasticBlockStore (a Persistent Disk resource in AWS)',
        '    VolumeID:   vol-0abc',
        '    FSType:     ',
        '    Partition:  0',
        '    ReadOnly:   true',
        '  rbd:',
        "    Type:          RBD (a Rados Block Device mount on the host that shares a pod's lifetime)",
        '    CephMonitors:  [10.0.0.1:6789 10.0.0.2:6789]',
        '    RBDImage:      foo',
        '    FSType:        ',
        '    RBDPool:       rbd',
        '    RadosUser:     admin',
        '    Keyring:       /etc/ceph/keyring',
        '    SecretRef:     &{ceph-secret}',
        '    ReadOnly:      false',
        '  iscsi:',
        "    Type:               ISCSI (an ISCSI Disk resource that is attached to a kubelet's host machine and then exposed to the pod)",
        '    TargetPortal:       10.0.2.15:3260',
        '    IQN:                iqn.2001-04.com.example:storage',
        '    Lun:                0',
        '    ISCSIInterface      default',
        '    FSType:             ',
        '    ReadOnly:           false',
        '    Portals:            []',
        '    DiscoveryCHAPAuth:  false',
        '    SessionCHAPAuth:    false',
        '    SecretRef:          <nil>',
        '    InitiatorName:      <none>',
        '  azure:',
        '    Type:         AzureDisk (an Azure Data Disk mount on the host and bind mount to the pod)',
        '    DiskName:     d',
        '    DiskURI:      https://x/d.vhd',
        '    Kind:         Shared',
        '    FSType:       ext4',
        '    CachingMode:  ReadWrite',
        '    ReadOnly:     false',
        '  fc:',
        '    Type:        FC (a Fibre Channel disk)',
        '    TargetWWNs:  500a0982991b8dc5, 500a0982891b8dc5',
        '    LUN:         2',
        '    FSType:      ',
        '    ReadOnly:    false',
        '  flex:',
        '    Type:        FlexVolume (a generic volume resource that is provisioned/attached using an exec based plugin)',
        '    Driver:      kubernetes.io/lvm',
        '    FSType:      ',
        '    SecretRef:   <nil>',
        '    ReadOnly:    false',
        '    Options:     map[size:1000m volumeID:vol1]',
        '',
      ].join('\n'),
    );
  });
});
