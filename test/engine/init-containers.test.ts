import { describe, expect, it } from 'vitest';
import type { Container, RestartPolicy } from '../../src/k8s/pod.js';
import { created, node, ofType, offset, run, times, world } from './harness.js';

const c = (name: string, extra: Partial<Container> = {}): Container => ({ name, image: 'busybox:1.36', ...extra });

const pod = (restartPolicy: RestartPolicy, initContainers: Container[], containers: Container[] = [c('app')]) =>
  created({ metadata: { name: 'init' }, spec: { restartPolicy, initContainers, containers } });

/** Each container's `run`-th instance exits after the given seconds with the given code (or keeps running). */
const script = (plan: Record<string, (run: number) => [number, number] | undefined>) =>
  world({
    containerRun: (_p, name, n) => {
      const step = plan[name]?.(n);
      return step === undefined ? {} : { exit: { afterMs: step[0] * 1000, code: step[1] } };
    },
  });

const started = (events: ReturnType<typeof run>) => ofType(events, 'ContainerStarted').map((e) => [offset(e), e.container]);

describe('init containers (computePodActions)', () => {
  it('run one at a time, each exiting 0 before the next, then the regular containers', () => {
    const events = run([node('n1'), pod('Always', [c('wait-db'), c('wait-cache')])], script({ 'wait-db': () => [2, 0], 'wait-cache': () => [3, 0] }), 20);
    // each exit is seen by the next relist, whose sync starts the next container (pleg/generic.go :: Relist)
    expect(started(events)).toEqual([
      [0, 'wait-db'],
      [3, 'wait-cache'],
      [7, 'app'],
    ]);
  });

  it('under Never, a failed init container stops the pod: nothing else starts', () => {
    const events = run([node('n1'), pod('Never', [c('setup'), c('second')])], script({ setup: () => [1, 1] }), 60);
    expect(started(events)).toEqual([[0, 'setup']]);
  });

  it('under Always, a failed init container is retried with back-off (immediate, then 10 s)', () => {
    const events = run([node('n1'), pod('Always', [c('setup')])], script({ setup: (n) => (n < 2 ? [1, 1] : [1, 0]) }), 30);
    expect(started(events)).toEqual([
      // each exit (1 s after its start) is seen by the relist after it
      [0, 'setup'],
      [2, 'setup'],
      [13, 'setup'],
      [15, 'app'],
    ]);
    expect(times(events, 'ContainerBackOff', 'setup')).toEqual([4]);
  });
});

describe('sidecars (restartable init containers)', () => {
  const sidecar = c('proxy', { restartPolicy: 'Always', lifecycle: { postStart: { exec: { command: ['true'] } } } });

  it('start in their place; the next init container waits until the sidecar is started (postStart returned)', () => {
    const w = world({
      postStart: () => ({ durationMs: 3000 }),
      containerRun: (_p, name) => (name === 'migrate' ? { exit: { afterMs: 2000, code: 0 } } : {}),
    });
    const events = run([node('n1'), pod('Never', [sidecar, c('migrate')])], w, 20);
    expect(started(events)).toEqual([
      [0, 'proxy'],
      [3, 'migrate'], // postStart returns inside the sidecar's start: the same sync goes on
      [6, 'app'],
    ]);
    expect(times(events, 'PostStartHookSucceeded')).toEqual([3]);
  });

  it('are restarted whatever the pod policy, and stopped when the regular containers are done', () => {
    const w = script({ proxy: (n) => (n === 0 ? [10, 1] : undefined), app: () => [30, 0] });
    const events = run([node('n1'), pod('Never', [c('proxy', { restartPolicy: 'Always' })])], w, 40);
    expect(started(events)).toEqual([
      [0, 'proxy'],
      [0, 'app'],
      [11, 'proxy'],
    ]);
    const kill = ofType(events, 'ContainerKilling')[0];
    expect(kill && [offset(kill), kill.container, kill.reason]).toEqual([31, 'proxy', 'PodFinished']);
  });
});
