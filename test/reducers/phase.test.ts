/**
 * getPhase, twice: every carried-over Kubernetes case through `phaseOf`, and the same cases rebuilt as event
 * sequences (created, bound, admitted, sandbox, created, started, exited ...) through the reducers.
 */
import { describe, expect, test } from 'vitest';
import type { Container, ContainerStatus, V1Pod } from '../../src/k8s/pod.js';
import { phaseOf } from '../../src/k8s/phase.js';
import { phaseCases, type PhaseCase } from './phase-cases.js';
import { PodScript } from './script.js';

const podOf = (c: PhaseCase): V1Pod => ({
  metadata: { name: 'pod' },
  spec: c.spec,
  status: { initContainerStatuses: [...c.init], containerStatuses: [...c.regular] },
});

describe('getPhase cases (kubelet_pods_test.go) through phaseOf', () => {
  test.each(phaseCases.map((c) => [`${c.suite}: ${c.name}`, c] as const))('%s', (_name, c) => {
    expect(phaseOf(podOf(c), { podIsTerminal: c.podIsTerminal, podHasInitialized: c.podHasInitialized })).toBe(c.want);
  });
  test('carries every gates-off case (70)', () => {
    expect(phaseCases).toHaveLength(70);
  });
});

/** Sidecars get a startup probe, so that "running" (not started) and "started" are both reachable from events. */
const withStartupProbes = (c: PhaseCase) => ({
  ...c.spec,
  ...(c.spec.initContainers !== undefined
    ? {
        initContainers: c.spec.initContainers.map(
          (x): Container => (x.restartPolicy === 'Always' ? { ...x, startupProbe: { exec: { command: ['true'] } } } : x),
        ),
      }
    : {}),
});

/** The runtime events that leave one container with the given status. */
const reach = (p: PodScript, s: ContainerStatus): void => {
  const state = s.state ?? {};
  const last = s.lastState?.terminated;
  if (last !== undefined) p.run(s.name).exited(s.name, last.exitCode);
  if (state.running !== undefined) {
    p.run(s.name);
    if (s.started === true) p.probe(s.name, 'startup', 'success');
  } else if (state.terminated !== undefined) p.run(s.name).exited(s.name, state.terminated.exitCode);
  else p.containerCreated(s.name); // waiting: created by the runtime, not yet started
};

const stateKind = (s: ContainerStatus | undefined): string => Object.keys(s?.state ?? {}).join();

describe('the same cases arising from events, through the reducers', () => {
  test.each(phaseCases.map((c) => [`${c.suite}: ${c.name}`, c] as const))('%s', (_name, c) => {
    const p = new PodScript(withStartupProbes(c));
    p.scheduled();
    for (const s of [...c.init, ...c.regular]) reach(p, s);
    const regularRan = c.regular.some((s) => s.state?.running !== undefined || s.state?.terminated !== undefined);
    if (regularRan && !c.podHasInitialized) p.sandbox(); // a re-created sandbox: nothing regular started in it
    if (c.podIsTerminal) p.deleted();
    const status = p.must().status;
    expect(status?.phase).toBe(c.want);
    // The statuses the events produced are the upstream ones (state kind, last termination, exit codes).
    const all = [...(status?.initContainerStatuses ?? []), ...(status?.containerStatuses ?? [])];
    for (const want of [...c.init, ...c.regular]) {
      const got = all.find((s) => s.name === want.name);
      const last = want.lastState?.terminated;
      const sidecar = c.spec.initContainers?.find((x) => x.name === want.name)?.restartPolicy === 'Always';
      const policy = c.spec.restartPolicy;
      const restarts = sidecar || policy === 'Always' || (policy === 'OnFailure' && last?.exitCode !== 0);
      if (last !== undefined && !restarts) continue; // the kubelet never restarts it: it stays terminated
      if ((c.want === 'Succeeded' || c.want === 'Failed') && want.state?.terminated === undefined) {
        // TerminatePod: in a finished pod, a container that did not finish is recorded as lost.
        expect(got?.state?.terminated?.reason).toBe('ContainerStatusUnknown');
        continue;
      }
      expect(stateKind(got)).toBe(stateKind(want));
      expect(got?.lastState?.terminated?.exitCode).toBe(want.lastState?.terminated?.exitCode);
      expect(got?.state?.terminated?.exitCode).toBe(want.state?.terminated?.exitCode);
    }
  });
});
