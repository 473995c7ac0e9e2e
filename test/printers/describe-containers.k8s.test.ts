/**
 * Kubernetes' describe cases as data: `staging/src/k8s.io/kubectl/pkg/describe/describe_test.go ::
 * TestDescribeContainers`. Upstream writes `describeContainers` through a `PrefixWriter` straight onto a
 * buffer (no tabwriter), so its tabs stay in the text, and checks that each expected element is in it; the
 * writer here does the same. Upstream's cases are unnamed (`t.Run("%d")`): each is named by its index and
 * upstream's comment.
 */
import { describe, expect, test } from 'vitest';
import type { Container, ContainerStatus, V1Pod } from '../../src/k8s/pod.js';
import { describeContainers } from '../../src/printers/describe-containers.js';
import type { PrefixWriter } from '../../src/printers/prefix-writer.js';

interface Case {
  readonly name: string;
  readonly container: Container;
  readonly status?: ContainerStatus;
  readonly expectedElements: readonly string[];
  readonly notApplicable?: string;
}

const NOW = '2026-01-01T00:00:00Z';
const LATER = '2026-01-01T00:00:03Z';
const base: Container = { name: 'test', image: 'image' };
/** `Ready: true, RestartCount: 7` with the given state (upstream's status of most cases). */
const status = (fields: Partial<ContainerStatus> = {}): ContainerStatus => ({ name: 'test', ready: true, restartCount: 7, ...fields });
const configMapRef = (name: string, extra: Record<string, unknown> = {}) => ({ configMapRef: { name, ...extra } });
const secretRef = (name: string, extra: Record<string, unknown> = {}) => ({ secretRef: { name, ...extra } });
const env = [{ name: 'envname', value: 'xyz' }];
const common = ['test', 'State', 'Waiting', 'Ready', 'True', 'Restart Count', '7', 'Image', 'image'];

// describe_test.go :: TestDescribeContainers
const TestDescribeContainers: Case[] = [
  {
    name: '0: Running state',
    container: base,
    status: status({ state: { running: { startedAt: NOW } } }),
    expectedElements: ['test', 'State', 'Running', 'Ready', 'True', 'Restart Count', '7', 'Image', 'image', 'Started'],
  },
  {
    name: '1: Waiting state',
    container: base,
    status: status({ state: { waiting: { reason: 'potato' } } }),
    expectedElements: [...common, 'Reason', 'potato'],
  },
  {
    name: '2: Terminated state',
    container: base,
    status: status({ state: { terminated: { startedAt: NOW, finishedAt: NOW, reason: 'potato', exitCode: 2 } } }),
    expectedElements: ['test', 'State', 'Terminated', 'Ready', 'True', 'Restart Count', '7', 'Image', 'image', 'Reason', 'potato', 'Started', 'Finished', 'Exit Code', '2'],
  },
  {
    name: '3: Last Terminated',
    container: base,
    status: status({
      state: { running: { startedAt: NOW } },
      lastState: { terminated: { startedAt: LATER, finishedAt: NOW, reason: 'crashing', exitCode: 3 } },
    }),
    expectedElements: ['test', 'State', 'Terminated', 'Ready', 'True', 'Restart Count', '7', 'Image', 'image', 'Started', 'Finished', 'Exit Code', '2', 'crashing', '3'],
  },
  { name: '4: No state defaults to waiting', container: base, status: status(), expectedElements: common },
  {
    name: '5: Env, envFrom a ConfigMap',
    container: { ...base, env, envFrom: [configMapRef('a123')] },
    status: status(),
    expectedElements: [...common, 'envname', 'xyz', 'a123\tConfigMap\tOptional: false'],
  },
  {
    name: '6: Env, envFrom a ConfigMap with a prefix',
    container: { ...base, env, envFrom: [{ prefix: 'p_', ...configMapRef('a123') }] },
    status: status(),
    expectedElements: [...common, 'envname', 'xyz', "a123\tConfigMap with prefix 'p_'\tOptional: false"],
  },
  {
    name: '7: Env, envFrom an optional ConfigMap',
    container: { ...base, env, envFrom: [configMapRef('a123', { optional: true })] },
    status: status(),
    expectedElements: [...common, 'envname', 'xyz', 'a123\tConfigMap\tOptional: true'],
  },
  {
    name: '8: Env, envFrom an optional Secret',
    container: { ...base, env, envFrom: [secretRef('a123', { optional: true })] },
    status: status(),
    expectedElements: [...common, 'envname', 'xyz', 'a123\tSecret\tOptional: true'],
  },
  {
    name: '9: Env, envFrom a Secret with a prefix',
    container: { ...base, env, envFrom: [{ prefix: 'p_', ...secretRef('a123') }] },
    status: status(),
    expectedElements: [...common, 'envname', 'xyz', "a123\tSecret with prefix 'p_'\tOptional: false"],
  },
  { name: '10: Command', container: { ...base, command: ['sleep', '1000'] }, status: status(), expectedElements: [...common, 'sleep', '1000'] },
  { name: '11: Command with newline', container: { ...base, command: ['sleep', '1000\n2000'] }, status: status(), expectedElements: ['1000\n      2000'] },
  { name: '12: Args', container: { ...base, args: ['time', '1000'] }, status: status(), expectedElements: [...common, 'time', '1000'] },
  { name: '13: Args with newline', container: { ...base, args: ['time', '1000\n2000'] }, status: status(), expectedElements: ['1000\n      2000'] },
  {
    name: '14: Using limits',
    container: { ...base, resources: { limits: { cpu: '1000', memory: '4G', storage: '20G' } } },
    status: status(),
    expectedElements: ['cpu', '1k', 'memory', '4G', 'storage', '20G'],
  },
  {
    name: '15: Using requests',
    container: { ...base, resources: { requests: { cpu: '1000', memory: '4G', storage: '20G' } } },
    expectedElements: ['cpu', '1k', 'memory', '4G', 'storage', '20G'],
  },
  {
    name: '16: volumeMounts read/write',
    container: { ...base, volumeMounts: [{ name: 'mounted-volume', mountPath: '/opt/' }] },
    expectedElements: ['mounted-volume', '/opt/', '(rw)'],
  },
  {
    name: '17: volumeMounts readonly',
    container: { ...base, volumeMounts: [{ name: 'mounted-volume', mountPath: '/opt/', readOnly: true }] },
    expectedElements: ['Mounts', 'mounted-volume', '/opt/', '(ro)'],
  },
  {
    name: '18: volumeMounts subPath',
    container: { ...base, volumeMounts: [{ name: 'mounted-volume', mountPath: '/opt/', subPath: 'foo' }] },
    expectedElements: ['Mounts', 'mounted-volume', '/opt/', '(rw,path="foo")'],
  },
  {
    name: '19: volumeDevices',
    container: { ...base, volumeDevices: [{ name: 'volume-device', devicePath: '/dev/xvda' }] },
    expectedElements: ['Devices', 'volume-device', '/dev/xvda'],
  },
];

/** Go's `NewPrefixWriter(out)`: indentation and text, straight onto the buffer. */
const rawDescribe = (c: Case): string => {
  let out = '';
  const w: PrefixWriter = {
    write: (level, text) => {
      out += '  '.repeat(level) + text;
    },
    writeLine: (text) => {
      out += `${text}\n`;
    },
    flush: () => {},
  };
  const pod: V1Pod = { metadata: {}, spec: { containers: [c.container] }, status: { containerStatuses: c.status !== undefined ? [c.status] : [] } };
  describeContainers(w, 'Containers', pod.spec.containers, pod.status?.containerStatuses ?? [], pod);
  return out;
};

describe('describe_test.go :: TestDescribeContainers', () => {
  for (const c of TestDescribeContainers) {
    test(c.name, () => {
      const output = rawDescribe(c);
      for (const expected of c.expectedElements) expect(output, `expected to find ${JSON.stringify(expected)}`).toContain(expected);
    });
  }
});
