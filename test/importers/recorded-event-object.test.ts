/**
 * An imported Event is served as the object the cluster held (`get events -o json`): its `uid`, `resourceVersion`,
 * `creationTimestamp`, `eventTime` (microseconds as written), `action`, the involved object's `resourceVersion`, and
 * for a singleton of the events.k8s.io recorder no `firstTimestamp`, `lastTimestamp` nor `count` (it held none).
 * `describe` orders by kubectl's `eventTime(...)` (sorted_event_list.go): `lastTimestamp`, else `eventTime`, so a
 * scheduler's `Scheduled` at 20:50:21.417897 follows the kubelet's `Pulling` stamped 20:50:21. Recording: the k3s
 * v1.33 support bundle's `default` Events (managedFields aside, which podj does not keep).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { podj } from './podj-in-process.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const EVENTS = real('troubleshoot/events-default.json');

interface HeldEvent {
  readonly metadata: { readonly name: string; managedFields?: unknown };
  readonly involvedObject: { readonly kind: string };
}

const imported = async (...files: string[]): Promise<string> => {
  const dir = mkdtempSync(join(tmpdir(), 'podj-recorded-event-'));
  dirs.push(dir);
  const journal = join(dir, 'journal');
  const done = await podj('import', '--journal', journal, ...files);
  expect(done.code, done.stderr).toBe(0);
  return journal;
};

describe('imported Events as the cluster held them', () => {
  it('get events -o json serves each Event about a pod as the object held it', async () => {
    const journal = await imported(EVENTS);
    const got = await podj('get', 'events', '-n', 'default', '-o', 'json', '--journal', journal);
    expect(got.code, got.stderr).toBe(0);
    const served = new Map((JSON.parse(got.stdout) as { items: HeldEvent[] }).items.map((e) => [e.metadata.name, e]));
    const held = (JSON.parse(readFileSync(EVENTS, 'utf8')) as { items: HeldEvent[] }).items.filter((e) => e.involvedObject.kind === 'Pod');
    expect(held.length).toBe(27);
    for (const e of held) {
      const { managedFields: _notKept, ...metadata } = e.metadata;
      expect(served.get(e.metadata.name), e.metadata.name).toEqual({ ...e, metadata });
    }
    const scheduled = served.get('backend-api-75fb46b7bd-xtkrh.1864558d4ce81426') as unknown as Record<string, unknown>;
    expect(scheduled['eventTime']).toBe('2025-09-11T20:50:19.950359Z');
    expect(scheduled['firstTimestamp']).toBeNull();
    expect(scheduled).not.toHaveProperty('count');
  });

  it('describe orders an Event stamped only with eventTime by it, as kubectl does', async () => {
    const journal = await imported(EVENTS, real('troubleshoot/pods-default.json'));
    const described = await podj('describe', 'pod', 'cpu-intensive-app-7bcfc5d944-9479r', '-n', 'default', '--journal', journal);
    expect(described.code, described.stderr).toBe(0);
    const reasons = described.stdout
      .slice(described.stdout.indexOf('\nEvents:'))
      .split('\n')
      .slice(4)
      .filter((l) => l.trim() !== '')
      .map((l) => l.trim().split(/\s+/)[1]);
    expect(reasons).toEqual(['Pulling', 'Scheduled', 'Pulled', 'Created', 'Started']);
  });
});
