/**
 * Containers a sync kills because their liveness or startup probe failed (`kuberuntime_manager.go ::
 * computePodActions`: the container goes to `ContainersToKill`, and to `ContainersToStart` unless its own
 * policy, else the pod's, says never; a sidecar's is `Always`): `Killing` with the kubelet's message, with the
 * probe's own grace if it has one.
 */
import type { EventOf, ProbeKind } from '../../events/index.js';
import { isRunning, specOf } from '../lifecycle.js';
import { probeSpecOf } from '../probes/worker.js';
import { restartsOnFailure } from '../../k8s/restart-rules.js';
import { podGraceSeconds } from '../spec.js';
import type { ContainerBook, PodBook } from '../state.js';
import type { VirtualMs } from '../world.js';
import { killing } from './kill.js';

const failedProbe = (c: ContainerBook): ProbeKind | undefined =>
  c.probes.startup?.result === 'failure' ? 'startup' : c.probes.liveness?.result === 'failure' ? 'liveness' : undefined;

export const unhealthyKills = (pod: PodBook, now: VirtualMs): EventOf<'ContainerKilling'>[] =>
  pod.containers.flatMap((c) => {
    const kind = failedProbe(c);
    if (kind === undefined || !isRunning(c.current) || c.current.kills.length > 0) return [];
    const restarts = restartsOnFailure(specOf(pod, c).spec, pod.spec);
    const message = `Container ${c.name} failed ${kind} probe${restarts ? ', will be restarted' : ''}`;
    const grace = probeSpecOf(specOf(pod, c).spec, kind)?.terminationGracePeriodSeconds ?? podGraceSeconds(pod.spec);
    return [killing(pod, c, now, kind === 'liveness' ? 'LivenessProbeFailed' : 'StartupProbeFailed', grace, message)];
  });
