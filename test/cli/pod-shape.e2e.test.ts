/**
 * Through the built binary: the admission defaults a created pod carries and describe shows (issue 12 item 4),
 * values the API server refuses (issue 14 item 8), and a journal holding a value stored before the range
 * checks, which every reader still answers (issue 14 item 1).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { describe, expect, it } from 'vitest';
import { REPO, workspace } from './podj.js';
import type { Instant } from '../../src/k8s/codecs.js';
import { recordText, seal, type Sha256 } from '../../src/journal/record.js';

const manifest = (name: string) => join(REPO, 'test/fixtures/manifests', `${name}.yaml`);

describe('admission defaults through apply and describe', () => {
  it('shows Service Account, the token mount and volume, and the two 300 s tolerations as a cluster does', () => {
    const { podj } = workspace();
    expect(podj('apply', '-f', manifest('liveness-exec'), '--at', '2026-01-01T00:00:00Z').code).toBe(0);
    const out = podj('describe', 'pod', 'liveness-exec').stdout;
    expect(out).toMatch(/^Service Account:\s+default$/m);
    expect(out).toMatch(/^ {6}\/var\/run\/secrets\/kubernetes\.io\/serviceaccount from kube-api-access-[a-z0-9]{5} \(ro\)$/m);
    expect(out).toMatch(/^ {2}kube-api-access-[a-z0-9]{5}:\n {4}Type:\s+Projected \(a volume that contains injected data from multiple sources\)\n {4}TokenExpirationSeconds:\s+3607$/m);
    expect(out).toMatch(/^Tolerations:\s+node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 300s\n\s+node\.kubernetes\.io\/unreachable:NoExecute op=Exists for 300s$/m);
    // A second apply of the same manifest admits it the same way: nothing changed.
    expect(podj('apply', '-f', manifest('liveness-exec')).stdout).toBe('pod/liveness-exec unchanged\n');
  });
});

describe('values the API server refuses', () => {
  it('apply refuses grace 1e308 and delete refuses a grace no time.Duration holds, leaving the journal as it was', () => {
    const { podj, dir } = workspace();
    expect(podj('apply', '-f', manifest('liveness-exec'), '--at', '2026-01-01T00:00:00Z').code).toBe(0);
    expect(podj('record', 'PodBound', '--pod', 'liveness-exec', 'node=node-1').code).toBe(0);
    const head = podj('verify').stdout;
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: v1\nkind: Pod\nmetadata: { name: huge }\nspec:\n  terminationGracePeriodSeconds: 1e308\n  containers: [{ name: c, image: busybox:1.36 }]\n');
    const applied = podj('apply', '-f', bad);
    expect(applied.code).toBe(2);
    expect(applied.stderr).toBe(`error: ${bad}:5: spec.terminationGracePeriodSeconds: Invalid value: 1e+308: cannot unmarshal number 1e+308 into Go value of type int64\n`);
    const deleted = podj('delete', 'pod', 'liveness-exec', '--grace-period', '9000000000000');
    expect(deleted.code).toBe(2);
    expect(deleted.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(deleted.stderr).toContain('gracePeriodSeconds: 9000000000000 must be no more than 9223372036 seconds');
    expect(podj('verify').stdout).toBe(head);
  });
});

describe('a value stored before the range checks', () => {
  it('get, describe, timeline and check still answer; verify names the record', async () => {
    const { podj, journal } = workspace();
    expect(podj('apply', '-f', manifest('liveness-exec'), '--at', '2026-01-01T00:00:00Z').code).toBe(0);
    expect(podj('record', 'PodBound', '--pod', 'liveness-exec', 'node=node-1', '--at', '2026-01-01T00:00:01Z').code).toBe(0);
    expect(podj('delete', 'pod', 'liveness-exec', '--grace-period', '30', '--at', '2026-01-01T00:00:02Z').code).toBe(0);
    // What an older podj accepted: the deletion's grace rewritten in place and sealed, as it was stored then
    // (a value changed without its hash is refused by every read).
    const db = new ClassicLevel<string, string>(journal);
    const key = 'e!0000000000000003';
    const value = recordText((await db.get(key)) ?? '');
    expect(value).toContain('"gracePeriodSeconds":30');
    const r = JSON.parse(value) as { seq: number; recordedAt: Instant; prevHash: Sha256 };
    const eventJson = value.slice(value.indexOf(',"event":') + ',"event":'.length, -1).replace('"gracePeriodSeconds":30', '"gracePeriodSeconds":9000000000000');
    const sealed = seal(r.prevHash, r.seq, r.recordedAt, eventJson);
    // the last record: its head named its hash, as the older podj wrote both
    const head = (await db.get('m!head')) ?? '';
    await db.batch().put(key, sealed.stored).put('m!head', head.replace(/"hash":"[0-9a-f]{64}"/, `"hash":"${sealed.hash}"`)).write();
    await db.close();
    // An older podj kept no folded head tables beside the events (they would still hold the grace of 30).
    rmSync(join(journal, 'snapshots'), { recursive: true, force: true });
    const get = podj('get', 'pods');
    expect(get.code).toBe(0);
    expect(get.stdout).toMatch(/liveness-exec\s+0\/1\s+Terminating/);
    const described = podj('describe', 'pod', 'liveness-exec');
    expect(described.code).toBe(0);
    expect(described.stdout).toMatch(/^Status:\s+Terminating/m);
    expect(podj('get', 'pods', '-o', 'json').stdout).toContain('"deletionTimestamp": "9999-12-31T23:59:59Z"');
    expect(podj('timeline', 'pod', 'liveness-exec').code).toBe(0);
    expect(podj('check').code).toBe(0);
    const verified = podj('verify');
    expect(verified.code).toBe(1);
    expect(verified.stderr).toMatch(/record 3: /);
  });
});
