/**
 * `podj record -f` and `podj import` killed outright (SIGKILL, the OOM killer) while they write: each goes in as
 * one staged append committed once (README, `podj import`), so the journal opens, verifies, and holds all of the
 * file or none of it; a second run completes it. Where the kill lands depends on the machine's load: the
 * assertions hold wherever it does.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateEvents } from '../../src/generator/index.js';
import { REPO, workspace } from './podj.js';
import { BIN, start } from './spawn.js';

const manifest = join(REPO, 'test/fixtures/manifests/liveness-exec.yaml');
const KILL_AFTER_MS = [250, 700, 1400];

const eventsOf = (podj: ReturnType<typeof workspace>['podj']): number => Number(/^Events:\s+(\d+)$/m.exec(podj('info').stdout)?.[1]);

describe('a writer killed mid-write', () => {
  it.each(['record', 'import'])('podj %s: the journal verifies and holds the whole file or none of it; running it again completes it', async (verb) => {
    const { podj, dir, journal } = workspace();
    const events = [...generateEvents({ tier: 'S' })];
    const file = join(dir, 'events.jsonl');
    if (verb === 'record') writeFileSync(file, `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
    podj('apply', '-f', manifest, '--at', '2026-01-01T00:00:00Z');
    if (verb === 'import') {
      // an export of a journal of another pod and the generated events: merged onto this journal record by record
      const source = workspace();
      writeFileSync(join(source.dir, 'events.jsonl'), `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
      source.podj('apply', '-f', manifest, '--at', '2025-12-31T00:00:00Z');
      source.podj('record', '-f', 'events.jsonl');
      // into the file directly: spawnSync keeps at most 1 MiB of a child's stdout
      const out = openSync(file, 'w');
      spawnSync(process.execPath, [BIN, 'export'], { env: { ...process.env, PODJ_JOURNAL: source.journal }, stdio: ['ignore', out, 'inherit'] });
      closeSync(out);
    }
    const size = verb === 'import' ? events.length + 1 : events.length;
    for (const ms of KILL_AFTER_MS) {
      const before = eventsOf(podj);
      const writer = start([verb, ...(verb === 'record' ? ['-f'] : []), file], { cwd: dir, env: { ...process.env, PODJ_JOURNAL: journal } });
      await new Promise((resolve) => setTimeout(resolve, ms));
      writer.proc.kill('SIGKILL');
      await writer.exit;
      const verify = podj('verify');
      expect(verify.code, verify.stderr).toBe(0);
      expect([before, before + size]).toContain(eventsOf(podj));
      if (eventsOf(podj) === before + size) return;
    }
    // every kill came before the commit: nothing of the file is in, and one more run puts all of it in
    const again = podj(verb, ...(verb === 'record' ? ['-f'] : []), file);
    expect(again.code, again.stderr).toBe(0);
    expect(eventsOf(podj)).toBe(1 + size);
    expect(podj('verify').code).toBe(0);
  }, 180_000);

  it('an import into a new folder, interrupted (SIGINT) or killed: no journal or all of it, and the next one removes what the kill left', async () => {
    const { podj, dir, journal } = workspace();
    const events = [...generateEvents({ tier: 'S' })];
    writeFileSync(join(dir, 'events.jsonl'), `${events.map((e) => JSON.stringify(e)).join('\n')}\n`);
    podj('apply', '-f', manifest, '--at', '2025-12-31T00:00:00Z');
    podj('record', '-f', 'events.jsonl');
    const file = join(dir, 'all.export');
    const out = openSync(file, 'w');
    spawnSync(process.execPath, [BIN, 'export'], { env: { ...process.env, PODJ_JOURNAL: journal }, stdio: ['ignore', out, 'inherit'] });
    closeSync(out);
    const fresh = join(dir, 'fresh');
    const aside = (): string[] => readdirSync(dir).filter((n) => n.startsWith('.fresh.podj-new-'));
    for (const [signal, ms] of [['SIGINT', 100], ['SIGINT', 500], ['SIGKILL', 300]] as const) {
      const writer = start(['import', file], { cwd: dir, env: { ...process.env, PODJ_JOURNAL: fresh } });
      // from when the journal is being made: a process still starting up has made nothing
      while (aside().length === 0 && !existsSync(fresh) && writer.proc.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, ms));
      writer.proc.kill(signal);
      await writer.exit;
      if (existsSync(fresh)) {
        // it finished first: the whole journal
        expect(eventsOf((...args) => podj('--journal', fresh, ...args))).toBe(1 + events.length);
        return;
      }
      // an interrupt removes the journal it was making; a kill cannot, and leaves its folder beside
      expect(aside()).toHaveLength(signal === 'SIGINT' ? 0 : 1);
    }
    const again = podj('--journal', fresh, 'import', file);
    expect(again.code, again.stderr).toBe(0);
    expect(eventsOf((...args) => podj('--journal', fresh, ...args))).toBe(1 + events.length);
    expect(aside()).toEqual([]);
  }, 180_000);
});
