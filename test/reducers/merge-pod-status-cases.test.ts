/**
 * Kubernetes' `mergePodStatus` cases as data: `pkg/kubelet/status/status_manager_test.go :: TestMergePodStatus`.
 *
 * Upstream merges an old API status into the kubelet's new one (both built from `getPodStatus()`: Running,
 * Ready and PodScheduled True, message "Message"), saying whether containers may still run. Here the old
 * status is what the events so far made of a running pod (a condition another writer set with
 * `PodConditionSet`), the new one what the kubelet makes of the next events (an eviction, a container's exit,
 * a readiness failure). Compared as upstream's `conditionsEqual` does (type, status, reason), for the condition
 * types upstream lists and DisruptionTarget, and the phase; the reason and message where upstream changes them.
 * Upstream writes its statuses by hand: a reason it leaves empty is not compared (the generator gives a
 * not-ready Ready the reason of ContainersReady, which generate-cases.test.ts checks), and the cases about the
 * phase's reason hold no DisruptionTarget, which a kubelet eviction always brings (the cases above check it).
 */
import { describe, expect, test } from 'vitest';
import type { PodCondition, PodPhase, PodSpec, V1Pod } from '../../src/k8s/pod.js';
import { PodScript } from './script.js';

type Cond = readonly [type: string, status: PodCondition['status'], reason?: string];

interface Case {
  readonly name: string;
  /** Events after the pod runs and is ready. */
  readonly then: (p: PodScript) => void;
  readonly phase: PodPhase;
  readonly conditions: readonly Cond[];
  /** Upstream's reason and message where a case sets them. */
  readonly reason?: string;
  readonly message?: string;
  /** Whether DisruptionTarget is compared (upstream's case is about it). */
  readonly disruption?: false;
  readonly notApplicable?: string;
}

const spec: PodSpec = { containers: [{ name: 'app', readinessProbe: { exec: { command: ['true'] } } }], restartPolicy: 'Always' };
const ready = (p: PodScript): PodScript => p.scheduled().run('app').probe('app', 'readiness', 'success');

const readyTrue: Cond = ['Ready', 'True'];
const scheduled: Cond = ['PodScheduled', 'True'];
const failedConditions: Cond[] = [
  ['Ready', 'False', 'PodFailed'],
  ['ContainersReady', 'False', 'PodFailed'],
  scheduled,
];
const byKubelet: Cond = ['DisruptionTarget', 'True', 'TerminationByKubelet'];
const byEvictionAPI: Cond = ['DisruptionTarget', 'True', 'EvictedByEvictionAPI'];
const MESSAGE = 'Was Evicted';

// status_manager_test.go :: TestMergePodStatus
const TestMergePodStatus: Case[] = [
  { name: 'no change', then: () => {}, phase: 'Running', conditions: [readyTrue, scheduled] },
  {
    name: 'add DisruptionTarget condition when transitioning into failed phase',
    then: (p) => p.evicted(MESSAGE).exited('app', 137),
    phase: 'Failed',
    conditions: [byKubelet, ...failedConditions],
  },
  {
    name: "don't add DisruptionTarget condition when transitioning into failed phase, but there might still be running containers",
    then: (p) => p.evicted(MESSAGE),
    phase: 'Running',
    conditions: [readyTrue, scheduled],
  },
  {
    name: 'preserve DisruptionTarget condition',
    then: (p) => p.condition('DisruptionTarget', 'True', 'TerminationByKubelet'),
    phase: 'Running',
    conditions: [readyTrue, scheduled, byKubelet],
  },
  {
    name: 'override DisruptionTarget condition',
    then: (p) => p.condition('DisruptionTarget', 'True', 'EvictedByEvictionAPI').evicted(MESSAGE).exited('app', 137),
    phase: 'Failed',
    conditions: [...failedConditions, byKubelet],
  },
  {
    name: "don't override DisruptionTarget condition when remaining in running phase",
    then: () => {},
    phase: 'Running',
    conditions: [byEvictionAPI, readyTrue, scheduled],
    notApplicable: 'the kubelet writes its DisruptionTarget only when it evicts, and an evicted pod with nothing running is Failed: its DisruptionTarget beside a Running phase cannot arise',
  },
  {
    name: "don't override DisruptionTarget condition when transitioning to failed phase but there might still be running containers",
    then: (p) => p.condition('DisruptionTarget', 'True', 'EvictedByEvictionAPI').evicted(MESSAGE),
    phase: 'Running',
    conditions: [byEvictionAPI, readyTrue, scheduled],
  },
  { name: 'readiness changes', then: (p) => p.probe('app', 'readiness', 'failure'), phase: 'Running', conditions: [['Ready', 'False'], scheduled] },
  {
    name: 'additional pod condition',
    then: (p) => p.condition('example.com/feature', 'True'),
    phase: 'Running',
    conditions: [readyTrue, scheduled, ['example.com/feature', 'True']],
  },
  {
    name: 'additional pod condition and readiness changes',
    then: (p) => p.condition('example.com/feature', 'True').probe('app', 'readiness', 'failure'),
    phase: 'Running',
    conditions: [['Ready', 'False'], scheduled, ['example.com/feature', 'True']],
  },
  {
    name: 'additional pod condition changes',
    then: () => {},
    phase: 'Running',
    conditions: [readyTrue, scheduled, ['example.com/feature', 'True']],
    notApplicable: 'the kubelet\'s new status changing a condition it does not own: the kubelet never writes one',
  },
  {
    name: 'phase is transitioning to failed and no containers running',
    then: (p) => p.evicted(MESSAGE).exited('app', 137),
    phase: 'Failed',
    conditions: failedConditions,
    reason: 'Evicted',
    message: MESSAGE,
    disruption: false,
  },
  {
    // upstream keeps the old reason and message ("Unknown", "Message"); a running pod of ours has none
    name: 'phase is transitioning to failed and containers running',
    then: (p) => p.evicted(MESSAGE),
    phase: 'Running',
    conditions: [readyTrue, scheduled],
    reason: undefined,
    message: undefined,
    disruption: false,
  },
];

/** The pod's conditions of the types `expected` lists, with their reason where `expected` gives one. */
const shown = (pod: V1Pod, expected: readonly Cond[]): Cond[] =>
  (pod.status?.conditions ?? [])
    .filter((c) => expected.some(([type]) => type === c.type))
    .map((c): Cond => (expected.find(([type]) => type === c.type)?.[2] === undefined ? [c.type, c.status] : [c.type, c.status, c.reason]));

describe('status_manager_test.go :: TestMergePodStatus', () => {
  for (const c of TestMergePodStatus) {
    (c.notApplicable === undefined ? test : test.skip)(`${c.name}${c.notApplicable !== undefined ? ` (not applicable: ${c.notApplicable})` : ''}`, () => {
      const p = ready(new PodScript(spec));
      c.then(p);
      const pod = p.must();
      expect(pod.status?.phase).toBe(c.phase);
      // conditionsEqual: the same set of types (those upstream's status holds, and DisruptionTarget), each with its status and reason
      const sort = (l: readonly Cond[]) => [...l].sort((a, b) => a[0].localeCompare(b[0]));
      // a DisruptionTarget upstream does not list must be absent: listing its type (any reason) makes shown() report it
      const compared: Cond[] = c.disruption === false || c.conditions.some(([type]) => type === 'DisruptionTarget') ? [...c.conditions] : [...c.conditions, ['DisruptionTarget', 'True', 'absent']];
      const expected = c.conditions;
      expect(sort(shown(pod, compared))).toEqual(sort(expected));
      if ('reason' in c) expect({ reason: pod.status?.reason, message: pod.status?.message }).toEqual({ reason: c.reason, message: c.message });
    });
  }
});
