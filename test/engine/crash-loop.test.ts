import { describe, expect, it } from 'vitest';
import { created, node, ofType, offset, run, times, world } from './harness.js';

const pod = (restartPolicy: 'Always' | 'OnFailure' | 'Never') =>
  created({ metadata: { name: 'crasher' }, spec: { restartPolicy, containers: [{ name: 'app', image: 'busybox:1.36' }] } });

describe('a single pod, end to end', () => {
  it('is bound, admitted, given a sandbox, pulls, creates and starts its container', () => {
    const events = run([node('n1'), pod('Always')], world(), 5);
    expect(events.map((e) => e.type)).toEqual([
      'NodeRegistered',
      'PodCreated',
      'PodBound',
      'PodAdmitted',
      'SandboxCreated',
      'ImagePulling',
      'ImagePulled',
      'ContainerCreated',
      'ContainerStarted',
    ]);
    expect(events.every((e) => offset(e) === 0)).toBe(true);
  });

  it('restarts a container that exits 1 one second after every start at +1 s, +12 s, +33 s, +74 s with CrashLoopBackOff between', () => {
    const crashing = world({ containerRun: () => ({ exit: { afterMs: 1000, code: 1 } }) });
    const events = run([node('n1'), pod('Always')], crashing, 400);
    expect(times(events, 'ContainerStarted')).toEqual([0, 1, 12, 33, 74, 155, 316]);
    expect(times(events, 'ContainerExited')).toEqual([1, 2, 13, 34, 75, 156, 317]);
    expect(ofType(events, 'ContainerBackOff').map((e) => [offset(e), e.delaySeconds])).toEqual([
      [2, 10],
      [13, 20],
      [34, 40],
      [75, 80],
      [156, 160],
      [317, 300],
    ]);
  });
});
