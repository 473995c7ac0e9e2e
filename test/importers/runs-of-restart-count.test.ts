/**
 * A status's `restartCount` counts restarts, not runs: the kubelet creates a container's k-th instance with
 * restartCount k (kuberuntime_container.go :: startContainer, `restartCount = containerStatus.RestartCount + 1`, 0 for
 * the first), and a container waiting `CrashLoopBackOff` has no running instance, so restartCount N means N + 1 runs,
 * every one exited, the last the status's `lastState`. Recording: the OpenShift Insights init container that crash-looped
 * for 31 days, restartCount 7527, lastState terminated 09:53:24 → 09:54:24: 7,528 runs and 7,528 exits, each run's once.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { imported, real } from './fixtures.js';

const CONTAINER = 'vsystem-hana-init';

const ofContainer = (events: readonly Event[], type: Event['type']): Event[] => events.filter((e) => e.type === type && 'container' in e && e.container === CONTAINER);

describe('the runs a restartCount implies (Insights, restartCount 7527)', () => {
  it('7,528 runs, each created, started and exited once; the last exit is the recorded lastState, not inferred', async () => {
    const { events } = await imported([real('openshift-vsystem-init-crashloop.json')]);
    const exits = ofContainer(events, 'ContainerExited');
    expect(ofContainer(events, 'ContainerCreated')).toHaveLength(7528);
    expect(ofContainer(events, 'ContainerStarted')).toHaveLength(7528);
    expect(exits).toHaveLength(7528);
    expect(new Set(exits.map((e) => ('containerID' in e ? e.containerID : '')))).toHaveProperty('size', 7528);
    const last = exits.at(-1);
    expect(last?.at).toBe('2024-04-27T09:54:24.000Z');
    expect(last !== undefined && 'containerID' in last ? last.containerID : '').toBe('cri-o://74dcf44306016a54d4c372569d4193709010d66bdc3e86037bd034612159efb8');
    expect(last?.from?.inferred).toBeUndefined();
    // every exit but the recorded one was inferred (the status shows only the last run)
    expect(exits.filter((e) => e.from?.inferred !== true)).toHaveLength(1);
  });
});
