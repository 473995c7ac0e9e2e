/**
 * Probes (`prober/worker.go :: doProbe`): the kubelet kills a container for a failed liveness or startup
 * probe only after `failureThreshold` consecutive failures counted by that probe's worker; readiness
 * failures never kill. The worker lives as long as the pod: a new container does not reset its run
 * (`resultRun`), the kill's hold does (`onHold`, `resultRun = 0`).
 */
import type { ProbeKind } from '../events/index.js';
import type { Check, Violation } from './violation.js';
import type { Entry } from './observed.js';
import { specEntries } from './pod-views.js';

/** `SetDefaults_Probe`. */
const DEFAULT_FAILURE_THRESHOLD = 3;

const probeOfKill = { LivenessProbeFailed: 'liveness', StartupProbeFailed: 'startup' } as const satisfies Record<string, ProbeKind>;

export const probeKillEarly: Check = {
  name: 'probe-kill',
  rule: 'a liveness or startup kill comes only after failureThreshold consecutive failures of that probe, counted across restarts since its last kill',
  run: (observed) =>
    observed.pods.flatMap((h) => {
      const created = h.steps.find((s) => s.entry.event.type === 'PodCreated')?.after?.pod;
      if (created === undefined) return [];
      const spec = specEntries(created);
      const found: Violation[] = [];
      // each probe worker's trailing run of failures, per container and probe
      const failures = new Map<string, Entry[]>();
      for (const { entry } of h.steps) {
        const e = entry.event;
        if (e.type === 'ProbeExecuted') {
          const key = `${e.container}/${e.probe}`;
          failures.set(key, e.outcome === 'failure' ? [...(failures.get(key) ?? []), entry] : []);
        } else if (e.type === 'ContainerKilling' && (e.reason === 'LivenessProbeFailed' || e.reason === 'StartupProbeFailed')) {
          const kind = probeOfKill[e.reason];
          const probe = spec.get(e.container)?.container[kind === 'liveness' ? 'livenessProbe' : 'startupProbe'];
          const threshold = probe?.failureThreshold ?? DEFAULT_FAILURE_THRESHOLD;
          const run = failures.get(`${e.container}/${kind}`) ?? [];
          failures.delete(`${e.container}/${kind}`);
          if (probe === undefined || run.length < threshold) {
            const what = probe === undefined ? `it has no ${kind} probe` : `after ${run.length} consecutive failures, threshold ${threshold}`;
            found.push({ check: 'probe-kill', subject: h.key, message: `container ${e.container} killed for its ${kind} probe ${what}`, evidence: [...run, entry] });
          }
        }
      }
      return found;
    }),
};
