/**
 * Only states a cluster publishes reach the timeline (issue 12 item 1): `kubelet.go :: SyncPod` generates and
 * sends the status before it pulls, creates and starts, and `kubelet_pods.go :: convertToAPIContainerStatuses`
 * shows a waiting reason only from the reason cache the previous sync left. So the re-pull before a restart
 * never shows its container as Error/OOMKilled again after CrashLoopBackOff, and a created-not-started
 * container never sends a pod back from ContainerCreating to Pending. One Pending after ContainerCreating is
 * real: an evicted pod's terminating sync (`SyncTerminatingPod`) that a SyncPod in flight held back publishes its
 * running containers while `status_manager.go :: mergePodStatus` holds the Failed phase back at the Pending the
 * API showed (warmup-evicted.yaml).
 */
import { describe, expect, it } from 'vitest';
import { kubectlRow } from '../../src/printers/pod-row.js';
import { timelineOf } from '../../src/timetravel/timeline.js';
import { sampleNames, storyOf } from './support.js';

/** Each pod's successive kubectl STATUS cells along the timeline, one per visible change (an evicted pod's held-back Pending left out). */
const statusFlips = (name: string): string[] => {
  const last = new Map<string, string>();
  const flips: string[] = [];
  const events = storyOf(name).events;
  const evicted = (pod: string, at: string): boolean => events.some((e) => e.type === 'PodEvicted' && e.pod.name === pod && e.at <= at);
  for (const entry of timelineOf(events.map((event) => ({ event })))) {
    if (entry.after === undefined) continue;
    const status = kubectlRow(entry.after, new Date(entry.at)).status;
    const before = last.get(entry.pod);
    const heldBack = before === 'ContainerCreating' && status === 'Pending' && evicted(entry.after.metadata.name ?? '', entry.at);
    if (before !== undefined && before !== status && !heldBack) flips.push(`${before} → ${status}`);
    last.set(entry.pod, status);
  }
  return flips;
};

describe('published states only (kubelet.go :: SyncPod, kubelet_pods.go :: convertToAPIContainerStatuses)', () => {
  it.each(sampleNames)('%s: no CrashLoopBackOff → Error/OOMKilled and no ContainerCreating → Pending in its timeline', (name) => {
    const flips = statusFlips(name);
    expect(flips.filter((f) => /^CrashLoopBackOff → (Error|OOMKilled|Completed)$/.test(f) || f === 'ContainerCreating → Pending')).toEqual([]);
  });

  it('crashloop-memleak goes OOMKilled → CrashLoopBackOff → Running at each restart, as a cluster shows it', () => {
    const flips = statusFlips('crashloop-memleak');
    expect(flips).toContain('OOMKilled → CrashLoopBackOff');
    expect(flips).toContain('CrashLoopBackOff → Running');
  });

  it('bad-image goes ContainerCreating → ErrImagePull → ImagePullBackOff, each at its own sync', () => {
    const flips = statusFlips('bad-image');
    expect(flips).toContain('ContainerCreating → ErrImagePull');
    expect(flips).toContain('ErrImagePull → ImagePullBackOff');
    expect(flips).not.toContain('ContainerCreating → ImagePullBackOff');
  });
});
