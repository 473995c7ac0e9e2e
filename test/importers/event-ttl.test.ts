/**
 * Events expire: kube-apiserver stores each write of an Event (its creation, every count update) with a lease of
 * `--event-ttl` (default 1h: cmd/kube-apiserver/app/options :: NewServerRunOptions; the event registry's TTLFunc,
 * pkg/registry/core/event/storage/storage.go :: NewREST), so `kubectl get events` and `kubectl describe pod` at T
 * list only the Events last written after T − 1h. Recording: k8shark's crash loop (v1.36), whose kubelet Events
 * were last written at 21:05:22 (Scheduled), 21:11:06 (Pulled, Created, Started, x7) and 21:13:57 (BackOff, x11).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { real } from './fixtures.js';
import { podj, tableRows } from './podj-in-process.js';

let dir = '';
let journal = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'podj-event-ttl-'));
  journal = join(dir, 'journal');
  const done = await podj('import', '--journal', journal, real('crash-loop-pods.json'), real('crash-loop-events.json'));
  expect(done.code, done.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const POD = 'flaky-worker-897c5486c-lfk2f';

const listed = async (at: string, ...flags: string[]): Promise<string[]> => {
  const out = await podj('get', 'events', '-n', 'crash-demo', '--journal', journal, '--at', at, ...flags);
  expect(out.code, out.stderr).toBe(0);
  return tableRows(out.stdout).map((r) => r['REASON'] ?? '');
};

/** The reasons of describe's Events table at `at` (`<none>`: no row). */
const described = async (at: string, ...flags: string[]): Promise<string[]> => {
  const out = await podj('describe', 'pod', '-n', 'crash-demo', POD, '--journal', journal, '--at', at, ...flags);
  expect(out.code, out.stderr).toBe(0);
  const events = out.stdout.slice(out.stdout.indexOf('\nEvents:'));
  return events.includes('<none>') ? [] : events.split('\n').slice(4).filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/)[1] ?? '');
};

describe('Events are listed while the API server keeps them: until an hour after their last write', () => {
  it('within the hour of every write: all of them', async () => {
    expect(await listed('2026-07-22T22:05:22Z')).toEqual(['Scheduled', 'Pulled', 'Created', 'Started', 'BackOff']);
  });

  it('an hour after a last write, that Event is gone; a count update keeps an Event an hour from the update', async () => {
    expect(await listed('2026-07-22T22:05:23Z')).toEqual(['Pulled', 'Created', 'Started', 'BackOff']);
    expect(await listed('2026-07-22T22:11:06Z')).toEqual(['Pulled', 'Created', 'Started', 'BackOff']);
    expect(await listed('2026-07-22T22:11:07Z')).toEqual(['BackOff']);
    expect(await described('2026-07-22T22:11:07Z')).toEqual(['BackOff']);
  });

  it('once every Event expired: none, as kubectl prints it', async () => {
    const out = await podj('get', 'events', '-n', 'crash-demo', '--journal', journal, '--at', '2026-07-22T22:13:58Z');
    expect({ code: out.code, stdout: out.stdout }).toEqual({ code: 0, stdout: '' });
    expect(out.stderr).toContain('No resources found in crash-demo namespace.\n');
    expect(await described('2026-07-22T22:13:58Z')).toEqual([]);
  });

  it('--event-ttl: another API server setting, or 0 for every Event ever recorded', async () => {
    expect(await listed('2026-07-22T22:11:07Z', '--event-ttl', '0')).toEqual(['Scheduled', 'Pulled', 'Created', 'Started', 'BackOff']);
    expect(await described('2026-07-22T22:11:07Z', '--event-ttl', '0')).toEqual(['Scheduled', 'Pulled', 'Created', 'Started', 'BackOff']);
    expect(await listed('2026-07-22T21:14:00Z', '--event-ttl', '5m')).toEqual(['Pulled', 'Created', 'Started', 'BackOff']);
    const bad = await podj('get', 'events', '--journal', journal, '--event-ttl', 'an hour');
    expect({ code: bad.code, stderr: bad.stderr }).toEqual({ code: 2, stderr: 'error: --event-ttl: "an hour" is not a duration (1h, 90m, 0)\n' });
    const pods = await podj('get', 'pods', '--journal', journal, '--event-ttl', '1h');
    expect(pods.code).toBe(2);
  });
});
