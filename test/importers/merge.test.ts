import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { factKey, mergeImported, type Imported } from '../../src/importers/index.js';
import type { Instant } from '../../src/k8s/codecs.js';
import { foldCluster } from '../../src/reducers/index.js';
import { imported, ours } from './fixtures.js';

/**
 * The watch stream a client would have seen during the synthetic audit log: each pod object the API server
 * returned (derived here from the audit lines, as the README of the real fixtures allows), then DELETED.
 */
const watchFromAudit = (): string => {
  const lines = readFileSync(ours('pod-life.audit.jsonl'), 'utf8').trim().split('\n');
  const out: string[] = [];
  for (const text of lines) {
    const a = JSON.parse(text) as { stage: string; verb: string; responseObject?: { kind?: string }; responseStatus?: { code: number } };
    if (a.stage !== 'ResponseComplete' || a.responseObject?.kind !== 'Pod' || (a.responseStatus?.code ?? 0) >= 400) continue;
    const removed = a.verb === 'delete' && text.includes('"gracePeriodSeconds":0');
    out.push(JSON.stringify({ type: out.length === 0 ? 'ADDED' : removed ? 'DELETED' : 'MODIFIED', object: a.responseObject }));
  }
  return `${out.join('\n')}\n`;
};

/** The facts to the second, without their provenance (a watch stream infers times the audit log records). */
const withoutTimes = (events: readonly Event[]) => events.map(({ from: _from, ...e }) => ({ ...e, at: e.at.slice(0, 19) }));

describe('merging sources: one fact seen twice is one event', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'podj-merge-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const watch = join(dir, 'pod-life.watch.jsonl');
  await writeFile(watch, watchFromAudit());
  const auditOnly = await imported([ours('pod-life.audit.jsonl')]);
  const both = await imported([watch, ours('pod-life.audit.jsonl')]);

  it('an audit log and the watch stream of the same writes give the audit log own events', () => {
    expect(both.files.map((f) => f.format)).toEqual(['watch', 'audit']);
    // Every capture is kept (PodObserved): the audit line's at its stageTimestamp, the watch update's at the
    // latest time its object states, which is another second where the write came later than the object's last time.
    const facts = (events: readonly Event[]) => events.filter((e) => e.type !== 'PodObserved');
    const captures = (events: readonly Event[]) => events.filter((e) => e.type === 'PodObserved').map((e) => e.at.slice(0, 19));
    expect(facts(both.events).map((e) => e.type)).toEqual(facts(auditOnly.events).map((e) => e.type));
    expect(facts(both.events)).toEqual(facts(auditOnly.events));
    expect(captures(both.events)).toEqual(expect.arrayContaining(captures(auditOnly.events)));
    expect(auditOnly.events.filter((e) => e.type === 'PodObserved').every((e) => e.from?.inferred === undefined)).toBe(true);
  });

  it('the audit line wins over the watch update: its times have milliseconds', () => {
    expect(both.events.find((e) => e.type === 'PodCreated')?.at).toBe('2026-03-14T10:00:00.112Z');
    expect(both.events.find((e) => e.type === 'PodRemoved')?.at).toBe('2026-03-14T10:00:57.651Z');
  });

  it('the watch stream alone tells the same story, to the second', async () => {
    const watchOnly = await imported([watch]);
    // What only the audit log has: the rejected write, and the Eviction API request itself (this derived stream
    // holds no object between the eviction and the user's delete, so it shows only the 5 s request).
    // Captures (PodObserved) are timed differently: the audit line's stageTimestamp, the object's latest time.
    const onlyAudited = new Set(['PodWriteRejected', 'PodConditionSet', 'PodDeletionRequested', 'PodObserved']);
    const podFacts = (events: readonly Event[]) => withoutTimes(events.filter((e) => 'pod' in e && !onlyAudited.has(e.type)));
    expect(podFacts(watchOnly.events)).toEqual(podFacts(auditOnly.events));
    const grace = (events: readonly Event[]) => events.flatMap((e) => (e.type === 'PodDeletionRequested' ? [e.gracePeriodSeconds] : []));
    expect(grace(watchOnly.events)).toEqual([5]);
    expect(grace(auditOnly.events)).toEqual([30, 5]);
    const pod = (events: readonly Event[]) => [...foldCluster(events.slice(0, -1)).pods.values()][0]?.pod.status?.containerStatuses;
    expect(pod(watchOnly.events)).toEqual(pod(auditOnly.events));
  });
});

const started = (at: string, origin: Imported['origin'], certainty: Imported['certainty'], containerID: string, instance?: number): Imported => ({
  event: {
    type: 'ContainerStarted',
    v: 1,
    at: at as Instant,
    source: 'runtime',
    pod: { namespace: 'd', name: 'p', uid: 'u' },
    container: 'c',
    containerID,
  },
  origin,
  certainty,
  ...(instance !== undefined && { instance }),
});

describe('fact identity', () => {
  it('is tolerant to second-vs-millisecond precision, not to different seconds', () => {
    expect(factKey(started('2026-01-01T00:00:05.000Z', 'watch', 'exact', 'x'))).toBe(factKey(started('2026-01-01T00:00:05.999Z', 'audit', 'exact', 'x')));
    expect(factKey(started('2026-01-01T00:00:05.000Z', 'watch', 'exact', 'x'))).not.toBe(factKey(started('2026-01-01T00:00:06.000Z', 'watch', 'exact', 'x')));
  });

  it('keys a container run by its number when known, whatever its time', () => {
    expect(factKey(started('2026-01-01T00:00:05.000Z', 'watch', 'exact', 'x', 3))).toBe(factKey(started('2026-01-01T00:09:00.000Z', 'events', 'interpolated', '', 3)));
  });

  it('keeps the surest record: own time over interpolated, then audit, watch, snapshot, Events', () => {
    const merged = mergeImported([
      started('2026-01-01T00:01:00.000Z', 'events', 'interpolated', '', 1),
      started('2026-01-01T00:00:40.000Z', 'watch', 'exact', 'containerd://b', 1),
      started('2026-01-01T00:00:00.000Z', 'events', 'exact', '', 0),
      started('2026-01-01T00:00:00.250Z', 'audit', 'exact', 'containerd://a', 0),
    ]);
    expect(merged.map((e) => [e.at, e.type, 'containerID' in e ? e.containerID : ''])).toEqual([
      ['2026-01-01T00:00:00.250Z', 'ContainerStarted', 'containerd://a'],
      // run 0 ended unseen before run 1 started: an inferred exit that says so
      ['2026-01-01T00:00:40.000Z', 'ContainerExited', 'containerd://a'],
      ['2026-01-01T00:00:40.000Z', 'ContainerStarted', 'containerd://b'],
    ]);
    const exit = merged[1];
    expect(exit?.type === 'ContainerExited' && [exit.exitCode, exit.reason, exit.message]).toEqual([
      137,
      'ContainerStatusUnknown',
      "inferred on import: a later run of this container was recorded, this run's end was not",
    ]);
  });
});
