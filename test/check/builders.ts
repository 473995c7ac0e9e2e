/** A pod's life written event by event at second offsets, for planting violations in journals. */
import type { Event, KillReason, PodRef } from '../../src/events/index.js';
import type { Container, PodSpec } from '../../src/k8s/pod.js';
import { applyDefaults } from '../../src/manifest/index.js';
import { at } from '../support/event-builders.js';

export const app = (name: string, extra: Partial<Container> = {}): Container => ({ name, image: 'busybox:1.36', ...extra });

/** Events about one pod, with ids that make each (container, start second) its own instance. */
export const life = (name: string, spec: Partial<PodSpec> & Pick<PodSpec, 'containers'>) => {
  const pod: PodRef = { namespace: 'default', name, uid: `uid-${name}` };
  const manifest = applyDefaults({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: pod.uid }, spec });
  const id = (container: string, s: number) => `containerd://${name}-${container}-${s}`;
  return {
    pod,
    /** Created, bound to `node`, admitted and given a sandbox at second `s`. */
    scheduled: (s: number, node = 'node-0'): Event[] => [
      { v: 1, type: 'PodCreated', at: at(s), source: 'api', pod, manifest },
      { v: 1, type: 'PodBound', at: at(s), source: 'scheduler', pod, node },
      { v: 1, type: 'PodAdmitted', at: at(s), source: 'kubelet', pod, node },
      { v: 1, type: 'SandboxCreated', at: at(s), source: 'kubelet', pod, podIP: '10.244.0.9' },
    ],
    start: (container: string, s: number): Event[] => [
      { v: 1, type: 'ContainerCreated', at: at(s), source: 'runtime', pod, container, containerID: id(container, s) },
      { v: 1, type: 'ContainerStarted', at: at(s), source: 'runtime', pod, container, containerID: id(container, s) },
    ],
    /** The instance started at `startedAt` exits at `s`. */
    exit: (container: string, startedAt: number, s: number, exitCode: number): Event => ({
      v: 1, type: 'ContainerExited', at: at(s), source: 'runtime', pod, container, containerID: id(container, startedAt), exitCode, reason: exitCode === 0 ? 'Completed' : 'Error',
    }),
    /** The kubelet removes the instance started at `startedAt` (`RestartAllContainers`) at `s`. */
    removed: (container: string, startedAt: number, s: number): Event => ({
      v: 1, type: 'ContainerRemoved', at: at(s), source: 'kubelet', pod, container, containerID: id(container, startedAt),
    }),
    backOff: (container: string, s: number, delaySeconds: number): Event => ({
      v: 1, type: 'ContainerBackOff', at: at(s), source: 'kubelet', pod, container, delaySeconds, until: at(s + delaySeconds),
    }),
    probe: (container: string, s: number, probe: 'liveness' | 'readiness', outcome: 'success' | 'failure'): Event => ({
      v: 1, type: 'ProbeExecuted', at: at(s), source: 'prober', pod, container, probe, outcome,
    }),
    kill: (container: string, s: number, reason: KillReason, gracePeriodSeconds: number): Event => ({
      v: 1, type: 'ContainerKilling', at: at(s), source: 'kubelet', pod, container, reason, message: `Stopping container ${container}`, gracePeriodSeconds,
    }),
    deletion: (s: number, gracePeriodSeconds: number): Event => ({ v: 1, type: 'PodDeletionRequested', at: at(s), source: 'api', pod, gracePeriodSeconds }),
    /** A kubelet sync at second `s`: the engine's journals publish the status only at these. */
    synced: (s: number): Event => ({ v: 1, type: 'PodSynced', at: at(s), source: 'kubelet', pod }),
    usage: (container: string, s: number, memory: string): Event => ({ v: 1, type: 'ContainerUsageSampled', at: at(s), source: 'node', pod, container, memory }),
    evicted: (s: number): Event => ({ v: 1, type: 'PodEvicted', at: at(s), source: 'kubelet', pod, signal: 'memory.available', message: 'The node was low on resource: memory. ' }),
  };
};
