/**
 * A kubelet sync publishes what the kubelet learnt since the previous one (kubelet.go :: SyncPod writes the
 * status first, from the runtime's state), so the timeline names that observation, "published at sync", as
 * the cause of each change it made visible.
 */
import { describe, expect, it } from 'vitest';
import { created, node, run, world } from '../engine/harness.js';
import { observationBehind } from '../../src/timetravel/observed.js';
import { timelineOf } from '../../src/timetravel/timeline.js';

describe('causes of the changes a sync publishes', () => {
  const crashing = world({ containerRun: () => ({ exit: { afterMs: 5_000, code: 1 } }) });
  const events = run([node('n1'), created({ metadata: { name: 'web' }, spec: { containers: [{ name: 'app', image: 'app:1' }] } })], crashing, 8);
  const entries = [...timelineOf(events.map((event, i) => ({ event, seq: i + 1 })))];
  const causeOf = (field: string, to: string) => {
    const entry = entries.find((e) => e.changes.some((c) => c.field === field && c.to === to));
    const change = entry?.changes.find((c) => c.field === field && c.to === to);
    return entry === undefined || change === undefined ? undefined : { sync: entry.cause.type, behind: observationBehind(entry, change)?.event.type };
  };

  it('names the exit behind the Error a sync published, and the start behind Running', () => {
    expect(causeOf('STATUS', 'Error')).toEqual({ sync: 'PodSynced', behind: 'ContainerExited' });
    expect(causeOf('app.state', 'running')).toEqual({ sync: 'PodSynced', behind: 'ContainerStarted' });
  });

  it('names the sandbox behind PodReadyToStartContainers', () => {
    expect(causeOf('condition PodReadyToStartContainers', 'True')).toEqual({ sync: 'PodSynced', behind: 'SandboxCreated' });
  });

  it('leaves a change made directly (an API write) to its own event', () => {
    expect(causeOf('STATUS', 'Pending')).toEqual({ sync: 'PodCreated', behind: undefined });
  });
});
