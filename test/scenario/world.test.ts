/** The World a scenario builds answers exactly what its behaviors say, at exact instants, and defaults the rest. */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import type { PodRef } from '../../src/events/index.js';
import type { World } from '../../src/engine/world.js';
import { renderScenarioError } from '../../src/scenario/index.js';
import { loadSample, loadText } from './support.js';

const MI = 1024n * 1024n;
const ref = (name: string, namespace = 'default'): PodRef => ({ namespace, name, uid: 'any' });
const worldOf = (name: string) => {
  const loaded = loadSample(name);
  return { world: loaded.simulation.world, t0: Date.parse(loaded.start) };
};
/** Milliseconds after a start. */
const s = (seconds: number) => seconds * 1000;

/** The World of a one-pod scenario (pod `web`, container `app`, image busybox) with the given `behavior:`/`images:` lines. */
const worldWith = (sections: string): World => {
  const loaded = loadText(
    `start: 2026-01-18T08:00:00Z\nuntil: 1m\nnodes: [{ name: n }]\ntimeline: [{ at: 0s, apply: pod.yaml }]\n${sections}`,
    {
      'pod.yaml':
        'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers: [{ name: app, image: busybox }]\n',
    },
  );
  if (E.isLeft(loaded)) throw new Error(renderScenarioError(loaded.left));
  return loaded.right.simulation.world;
};

describe('exit schedules', () => {
  it('exits on the first N runs, then takes the next rule (OnFailure job: fails twice, then succeeds)', () => {
    const { world, t0 } = worldOf('job-restart-policies');
    const pod = ref('pi-onfailure');
    expect(world.containerRun(pod, 'pi', 0, t0 + s(1))).toEqual({ exit: { afterMs: 5000, code: 1 } });
    expect(world.containerRun(pod, 'pi', 1, t0 + s(6))).toEqual({ exit: { afterMs: 5000, code: 1 } });
    expect(world.containerRun(pod, 'pi', 2, t0 + s(21))).toEqual({ exit: { afterMs: 5000, code: 0 } });
    expect(world.containerRun(pod, 'pi', 7, t0 + s(99))).toEqual({ exit: { afterMs: 5000, code: 0 } });
  });

  it('exits at a scenario offset whenever the run started (init containers waiting for services)', () => {
    const { world, t0 } = worldOf('init-containers');
    const pod = ref('myapp-pod');
    expect(world.containerRun(pod, 'init-myservice', 0, t0 + s(1))).toEqual({ exit: { afterMs: s(59), code: 0 } });
    expect(world.containerRun(pod, 'init-mydb', 0, t0 + s(60))).toEqual({ exit: { afterMs: s(60), code: 0 } });
    expect(world.containerRun(pod, 'init-mydb', 1, t0 + s(150))).toEqual({ exit: { afterMs: 0, code: 0 } });
  });

  it('keeps running when nothing is said, or once the rules are used up', () => {
    const { world, t0 } = worldOf('init-containers');
    expect(world.containerRun(ref('myapp-pod'), 'myapp-container', 0, t0)).toEqual({});
    const once = worldWith('behavior:\n  web:\n    app: { exit: { after: 3s, code: 2, runs: once } }\n');
    expect(once.containerRun(ref('web'), 'app', 0, 0)).toEqual({ exit: { afterMs: 3000, code: 2 } });
    expect(once.containerRun(ref('web'), 'app', 1, 5000)).toEqual({});
  });
});

describe('probe outcomes', () => {
  const outcome = (
    world: World,
    pod: string,
    container: string,
    kind: 'liveness' | 'readiness',
    now: number,
    startedAt: number,
  ) => world.probe(ref(pod), container, kind, now, startedAt).outcome;

  it('passes for 60 s after every start, then fails (liveness-exec)', () => {
    const { world, t0 } = worldOf('liveness-exec');
    for (const start of [t0 + s(1), t0 + s(111), t0 + s(231)]) {
      expect(outcome(world, 'liveness-exec', 'liveness-demo', 'liveness', start, start)).toBe('success');
      expect(outcome(world, 'liveness-exec', 'liveness-demo', 'liveness', start + s(59.999), start)).toBe('success');
      expect(outcome(world, 'liveness-exec', 'liveness-demo', 'liveness', start + s(60), start)).toBe('failure');
      expect(outcome(world, 'liveness-exec', 'liveness-demo', 'liveness', start + s(80), start)).toBe('failure');
    }
  });

  it('fails in relative windows and passes between them, never touching liveness (readiness-exec)', () => {
    const { world, t0 } = worldOf('readiness-exec');
    const at = (sinceStart: number) =>
      outcome(world, 'readiness-exec', 'readiness-demo', 'readiness', t0 + s(1 + sinceStart), t0 + s(1));
    expect([5, 29, 30, 329, 330, 359, 360, 659, 660, 690].map(at)).toEqual([
      'failure',
      'failure',
      'success',
      'success',
      'failure',
      'failure',
      'success',
      'success',
      'failure',
      'success',
    ]);
    expect(outcome(world, 'readiness-exec', 'readiness-demo', 'liveness', t0 + s(6), t0 + s(1))).toBe('success');
  });

  it('fails from a scenario offset only for instances started before it, with the output given (liveness-http)', () => {
    const { world, t0 } = worldOf('liveness-http');
    expect(outcome(world, 'liveness-http', 'liveness-demo', 'liveness', t0 + s(119), t0 + s(1))).toBe('success');
    expect(world.probe(ref('liveness-http'), 'liveness-demo', 'liveness', t0 + s(120), t0 + s(1))).toEqual({
      outcome: 'failure',
      output: 'HTTP probe failed with statuscode: 404',
    });
    expect(outcome(world, 'liveness-http', 'liveness-demo', 'liveness', t0 + s(130), t0 + s(125))).toBe('success');
  });

  it('passes when nothing is said', () => {
    const { world, t0 } = worldOf('crashloop-memleak');
    expect(outcome(world, 'memleak-pod', 'simmemleak', 'readiness', t0 + s(999), t0)).toBe('success');
  });
});

describe('memory use', () => {
  it('ramps from each start (memleak grows 4Mi/s and passes its 64Mi limit after 16 s)', () => {
    const { world, t0 } = worldOf('crashloop-memleak');
    const use = (now: number, started: number) => world.memoryBytes(ref('memleak-pod'), 'simmemleak', now, started);
    expect(use(t0 + s(1), t0 + s(1))).toBe(0n);
    expect(use(t0 + s(2.5), t0 + s(1))).toBe(6n * MI);
    expect(use(t0 + s(17), t0 + s(1))).toBe(64n * MI);
    expect(use(t0 + s(18), t0 + s(17))).toBe(4n * MI);
  });

  it('ramps from a base up to a ceiling (stress-ng stays under its limit)', () => {
    const { world, t0 } = worldOf('stress-within-limits');
    const use = (since: number) => world.memoryBytes(ref('stress-pod'), 'stress', t0 + s(since), t0);
    expect([0, 10, 40, 600].map(use)).toEqual([64n * MI, 144n * MI, 384n * MI, 384n * MI]);
  });

  it('is a constant, or nothing when unsaid', () => {
    const { world, t0 } = worldOf('memory-pressure');
    expect(world.memoryBytes(ref('qos-demo-2'), 'qos-demo-2-ctr', t0 + s(200), t0)).toBe(180n * MI);
    expect(worldOf('two-containers').world.memoryBytes(ref('two-containers'), 'nginx-container', t0, t0)).toBe(0n);
  });

  it('follows steps from each start', () => {
    const stepped = worldWith(
      'behavior:\n  web:\n    app:\n      memory: { steps: [{ after: 10s, use: 10Mi }, { after: 30s, use: 80Mi }] }\n',
    );
    const use = (since: number) => stepped.memoryBytes(ref('web'), 'app', s(100 + since), s(100));
    expect([0, 9.999, 10, 29, 30, 300].map(use)).toEqual([0n, 0n, 10n * MI, 10n * MI, 80n * MI, 80n * MI]);
  });
});

describe('images, hooks and SIGTERM', () => {
  it('fails a bad image always, another during an outage or for its first attempts, and pulls others in 1 s', () => {
    const { world, t0 } = worldOf('bad-image');
    expect(world.pull('node01', 'nginx:1.99-alpine', t0, 5)).toEqual({
      ok: false,
      message:
        'rpc error: code = NotFound desc = failed to pull and unpack image "nginx:1.99-alpine": failed to resolve reference "nginx:1.99-alpine": nginx:1.99-alpine: not found',
    });
    const outage = (since: number) => world.pull('node01', 'registry.example.com/team/web:2.3', t0 + s(since)).ok;
    expect([0, 10, 24.999, 25, 70].map(outage)).toEqual([false, false, false, true, true]);
    expect(world.pull('node01', 'busybox', t0)).toEqual({ ok: true, durationMs: 1000 });
    const flaky = worldWith('images:\n  busybox: { fails: 2, takes: 20s }\n');
    const attempt = (n: number) => flaky.pull('n', 'busybox', 0, n);
    expect([0, 1, 2].map(attempt)).toEqual([
      { ok: false, message: expect.stringContaining('busybox: not found') },
      { ok: false, message: expect.stringContaining('busybox: not found') },
      { ok: true, durationMs: 20000 },
    ]);
  });

  it('answers hooks with their durations and SIGTERM with the reaction given', () => {
    const { world } = worldOf('lifecycle-demo');
    expect(world.postStart(ref('lifecycle-demo'), 'lifecycle-demo-container', 0)).toEqual({ durationMs: 2000 });
    expect(world.preStop(ref('lifecycle-demo'), 'lifecycle-demo-container')).toEqual({ durationMs: 5000 });
    expect(world.preStop(ref('nginx-srv'), 'nginx-srv')).toEqual({ durationMs: 45000 });
    expect(world.postStart(ref('nginx-srv'), 'nginx-srv', 3)).toEqual({ durationMs: 0 });
    expect(world.onSigterm(ref('nginx-srv'), 'nginx-srv')).toBeUndefined();
    expect(world.onSigterm(ref('lifecycle-demo'), 'lifecycle-demo-container')).toEqual({ afterMs: 0, code: 0 });
    // no handler said: the signal's default action ends the process, 128 + 15 (kuberuntime_container.go :: killContainer sends SIGTERM)
    expect(world.onSigterm(ref('nginx-srv'), 'nginx-srv-unknown')).toEqual({ afterMs: 0, code: 143 });
  });

  it('answers a failing hook with its message, on every run', () => {
    const failing = worldWith('behavior:\n  web:\n    app:\n      postStart: { takes: 3s, fails: "exit status 1" }\n');
    expect([0, 4].map((run) => failing.postStart(ref('web'), 'app', run))).toEqual([
      { durationMs: 3000, failure: 'exit status 1' },
      { durationMs: 3000, failure: 'exit status 1' },
    ]);
    expect(failing.preStop(ref('web'), 'app')).toEqual({ durationMs: 0 });
  });

  it('keys behaviors by namespace', () => {
    const { world, t0 } = worldOf('pod-demo-labels');
    expect(world.memoryBytes(ref('pod-demo', 'prod'), 'myapp', t0, t0)).toBe(12n * MI);
    expect(world.memoryBytes(ref('pod-demo'), 'myapp', t0, t0)).toBe(0n);
  });
});
