/**
 * Checks whose rule the reducers themselves keep (terminal phases, restart counts, the QoS class, the
 * condition chain, unbound pods staying Pending) cannot be planted through events: they guard observed histories against a reducer that
 * breaks them. Each is shown a history whose states were edited by hand.
 */
import { describe, expect, it } from 'vitest';
import { checkByName, type Observed, type PodStep } from '../../src/check/index.js';
import type { Event } from '../../src/events/index.js';
import type { PodStatus } from '../../src/k8s/pod.js';
import { reducePod, type PodState } from '../../src/reducers/index.js';
import { app, life } from './builders.js';

const web = life('web', { containers: [app('app')] });
const events = [...web.scheduled(0), ...web.start('app', 1)];

/** The real states of a running pod, one step per event. */
const steps: PodStep[] = [];
for (const event of events) {
  if (!('pod' in event)) continue;
  const before = steps.at(-1)?.after;
  steps.push({ entry: { seq: steps.length + 1, event }, before, after: reducePod(before, event) });
}
const running = steps.at(-1)?.after as PodState;

/** The real history followed by steps whose states have their status edited by hand. */
const withEdited = (...edits: ReadonlyArray<(s: PodStatus) => PodStatus>): Observed => {
  const extra: PodStep[] = [];
  for (const edit of edits) {
    const before = (extra.at(-1) ?? steps.at(-1))?.after ?? running;
    const after: PodState = { ...running, pod: { ...running.pod, status: edit(running.pod.status ?? {}) } };
    extra.push({ entry: { seq: steps.length + extra.length + 1, event: events[events.length - 1] as Event }, before, after });
  }
  const all = [...steps, ...extra];
  return { entries: all.map((s) => s.entry), pods: [{ uid: web.pod.uid, key: 'default/web', steps: all }] };
};

const run = (name: string, observed: Observed) => checkByName.get(name)?.run(observed) ?? ['no such check'];

describe('checks of rules the reducers keep', () => {
  it('the real history is clean for every one of them', () => {
    const observed: Observed = { entries: steps.map((s) => s.entry), pods: [{ uid: web.pod.uid, key: 'default/web', steps }] };
    for (const name of ['terminal-phase-left', 'restart-count-decreased', 'qos-class', 'conditions', 'unbound-pending']) expect(run(name, observed)).toEqual([]);
  });

  it('terminal-phase-left: Failed then Running', () => {
    const found = run('terminal-phase-left', withEdited((s) => ({ ...s, phase: 'Failed' }), (s) => ({ ...s, phase: 'Running' })));
    expect(found).toMatchObject([{ check: 'terminal-phase-left', message: 'phase Failed became Running' }]);
  });

  it('restart-count-decreased: 3 then 1', () => {
    const count = (n: number) => (s: PodStatus): PodStatus => ({ ...s, containerStatuses: (s.containerStatuses ?? []).map((c) => ({ ...c, restartCount: n })) });
    expect(run('restart-count-decreased', withEdited(count(3), count(1)))).toMatchObject([{ message: 'container app: restartCount fell from 3 to 1' }]);
  });

  it('qos-class: a class the spec does not give', () => {
    expect(run('qos-class', withEdited((s) => ({ ...s, qosClass: 'Guaranteed' })))).toMatchObject([
      { message: 'status.qosClass is Guaranteed, the spec makes it BestEffort' },
    ]);
  });

  it('unbound-pending: a Failed pod bound to no node', () => {
    const first = steps[0] as PodStep;
    const created = first.after as PodState;
    const failed: PodState = { ...created, pod: { ...created.pod, status: { ...created.pod.status, phase: 'Failed' } } };
    const observed: Observed = { entries: [first.entry], pods: [{ uid: web.pod.uid, key: 'default/web', steps: [{ ...first, after: failed }] }] };
    expect(created.pod.spec.nodeName).toBeUndefined();
    expect(run('unbound-pending', observed)).toMatchObject([{ message: 'phase is Failed but the pod is bound to no node' }]);
  });

  it('conditions: Ready without ContainersReady', () => {
    const edit = (s: PodStatus): PodStatus => ({
      ...s,
      conditions: (s.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: 'True' as const } : c.type === 'ContainersReady' ? { ...c, status: 'False' as const } : c)),
    });
    expect(run('conditions', withEdited(edit))).toMatchObject([{ message: 'Ready is True while ContainersReady is False' }]);
  });
});
