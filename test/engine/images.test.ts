import { describe, expect, it } from 'vitest';
import type { PullPolicy } from '../../src/k8s/pod.js';
import { created, node, ofType, offset, run, times, world } from './harness.js';

const pod = (image: string, imagePullPolicy?: PullPolicy) =>
  created({
    metadata: { name: 'img' },
    spec: { containers: [{ name: 'app', image, ...(imagePullPolicy === undefined ? {} : { imagePullPolicy }) }] },
  });
const withImages = (...images: string[]) => node('n1', undefined, 0, { images });
const crashEvery = (ms: number) => world({ containerRun: () => ({ exit: { afterMs: ms, code: 1 } }) });

describe('image pull by imagePullPolicy (image_manager.go :: EnsureImageExists)', () => {
  it('IfNotPresent uses an image the node holds', () => {
    const events = run([withImages('nginx:1.27'), pod('nginx:1.27', 'IfNotPresent')], world(), 5);
    expect(ofType(events, 'ImagePulled').map((e) => e.alreadyPresent)).toEqual([true]);
    expect(times(events, 'ImagePulling')).toEqual([]);
  });

  it('IfNotPresent pulls once, then the node holds it for the restarts', () => {
    const events = run([node('n1'), pod('nginx:1.27', 'IfNotPresent')], crashEvery(1000), 15);
    expect(times(events, 'ImagePulling')).toEqual([0]);
    expect(ofType(events, 'ImagePulled').map((e) => e.alreadyPresent)).toEqual([false, true, true]);
  });

  it('Always pulls on every start (and is the default for an untagged image)', () => {
    const events = run([withImages('busybox'), pod('busybox')], crashEvery(1000), 15);
    // starts at +0, +2 (the relist after the exit at +1 s), +13 (10 s after the exit at +3 s)
    expect(times(events, 'ImagePulling')).toEqual([0, 2, 13]);
  });

  it('Never without the image fails with ErrImageNeverPull and starts nothing', () => {
    const events = run([node('n1'), pod('app:v1', 'Never')], world(), 60);
    // every sync asks again and fails (image_manager.go :: EnsureImageExists): the sandbox relist's at +1, then
    // the worker's error back-off every 10 s (zero jitter here)
    const failures = ofType(events, 'ImagePullFailed');
    expect(failures.map(offset)).toEqual([0, 1, 11, 21, 31, 41, 51]);
    expect(new Set(failures.map((e) => `${e.reason}: ${e.message}`))).toEqual(
      new Set(['ErrImageNeverPull: Container image "app:v1" is not present with pull policy of Never']),
    );
    expect(times(events, 'ContainerStarted')).toEqual([]);
  });

  it('a pull takes the time the registry takes', () => {
    const events = run([node('n1'), pod('nginx:1.27')], world({ pull: () => ({ ok: true, durationMs: 2500 }) }), 5);
    expect(times(events, 'ImagePulled')).toEqual([2.5]);
    expect(times(events, 'ContainerStarted')).toEqual([2.5]);
  });

  it('tells the registry which attempt each pull is', () => {
    const events = run([node('n1'), pod('nginx:1.27')], world({ pull: (_n, _i, _now, attempt = 0) => (attempt < 2 ? { ok: false, message: 'busy' } : { ok: true, durationMs: 0 }) }), 60);
    // the sandbox's relist syncs at +1 inside the 10 s back-off (ImagePullBackOff), whose retry pulls at +11
    expect(times(events, 'ImagePulling')).toEqual([0, 11, 31]);
    expect(times(events, 'ContainerStarted')).toEqual([31]);
  });

  it('a failing pull reports ErrImagePull, then ImagePullBackOff on the 10 s → 300 s curve', () => {
    const events = run([node('n1'), pod('nginx:nope')], world({ pull: () => ({ ok: false, message: 'manifest unknown' }) }), 1000);
    expect(times(events, 'ImagePulling')).toEqual([0, 11, 31, 71, 151, 311, 611, 911]);
    expect(ofType(events, 'ImagePullFailed').every((e) => e.reason === 'ErrImagePull' && e.message === 'manifest unknown')).toBe(true);
    // every sync inside a window reports it (the failed sync retries after 10 s, pod_workers.go :: completeWork);
    // the sync the new sandbox's relist triggers (+1) is inside the first, 10 s window
    const windows = [...new Map(ofType(events, 'ImagePullBackOff').map((e) => [e.until, e.delaySeconds])).values()];
    expect(windows).toEqual([10, 20, 40, 80, 160, 300, 300, 300]);
    expect(times(events, 'ImagePullBackOff').slice(0, 4)).toEqual([1, 21, 41, 51]);
  });
});

/**
 * `image_manager.go :: pullImage`: `backOffKey := fmt.Sprintf("%s_%s", podUID, image)`, the image as the spec
 * writes it. Cases of `image_manager_test.go` pull one container; these are the pod's.
 */
describe('the image pull back-off is the pod’s, per image', () => {
  const twoOf = (second: string) =>
    created({
      metadata: { name: 'img' },
      spec: { containers: [{ name: 'app', image: 'registry.example.com/app:2' }, { name: 'agent', image: second }] },
    });
  const unreachable = world({ pull: () => ({ ok: false, message: 'manifest unknown' }) });
  const pulls = (events: ReturnType<typeof run>) => ofType(events, 'ImagePulling').map((e) => `+${offset(e)} ${e.container}`);

  it('two containers naming one unreachable image share it: one pull a cycle, the second container in back-off at once', () => {
    const events = run([node('n1'), twoOf('registry.example.com/app:2')], unreachable, 100);
    expect(pulls(events)).toEqual(['+0 app', '+11 app', '+31 app', '+71 app']);
    // the sync whose pull failed goes on to the second container, which the pod's entry holds back
    expect(ofType(events, 'ImagePullBackOff').filter((e) => e.container === 'agent').map((e) => [offset(e), e.delaySeconds])[0]).toEqual([0, 10]);
  });

  it('another image has its own entry', () => {
    const events = run([node('n1'), twoOf('registry.example.com/agent:1')], unreachable, 30);
    expect(pulls(events)).toEqual(['+0 app', '+0 agent', '+11 app', '+11 agent']);
  });
});
