/**
 * `podj simulate` and `podj export` killed outright (SIGKILL) while they work, on a real journal: a simulation
 * goes in as one staged append committed once, so one killed while its records were being written leaves the
 * journal as it was (the next open rolls the uncommitted records back), verify passes, and running it again puts
 * all of it in; an export is a read, so the journal keeps every byte, and its cut-short output is refused by
 * `import` in one line that says it is cut short, making no journal.
 */
import { openSync, closeSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clusterHour } from '../../bench/lib/scenario.js';
import { REPO, fingerprint, workspace } from './podj.js';
import { BIN, start } from './spawn.js';

const manifest = join(REPO, 'test/fixtures/manifests/liveness-exec.yaml');
const eventsOf = (podj: ReturnType<typeof workspace>['podj']): number => Number(/^Events:\s+(\d+)$/m.exec(podj('info').stdout)?.[1]);

/** The bytes of the files in `dir` whose names end in `suffix` (missing: 0). */
const bytesOf = (dir: string, suffix: string): number => {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith(suffix))
      .reduce((sum, name) => sum + statSync(join(dir, name)).size, 0);
  } catch {
    return 0;
  }
};

/** Resolves once `grown()` holds, polling every 20 ms; rejects after `ms`. */
const until = (grown: () => boolean, ms = 120_000): Promise<void> =>
  new Promise((resolve, reject) => {
    const deadline = Date.now() + ms;
    const look = (): void => {
      if (grown()) resolve();
      else if (Date.now() > deadline) reject(new Error('the process wrote nothing in time'));
      else setTimeout(look, 20);
    };
    look();
  });

describe('killed mid-work', () => {
  it('simulate killed while its records are written: the journal as it was, verify passes, a second run puts it all in', async () => {
    const { podj, dir, journal } = workspace();
    writeFileSync(join(dir, 'hour.yaml'), clusterHour());
    expect(podj('apply', '-f', manifest, '--at', '2020-01-01T00:00:00Z').code).toBe(0);
    const logBytes = bytesOf(journal, '.log');
    const writer = start(['simulate', 'hour.yaml'], { cwd: dir, env: { ...process.env, PODJ_JOURNAL: journal } });
    // killed once LevelDB's log holds some of its chunks (a chunk is 8192 events: hundreds of KiB)
    await until(() => bytesOf(journal, '.log') > logBytes + 64 * 1024);
    writer.proc.kill('SIGKILL');
    expect(await writer.exit).toBe(null);
    const verify = podj('verify');
    expect(verify, verify.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/^verified 1 record, /) });
    expect(eventsOf(podj)).toBe(1);
    const again = podj('simulate', 'hour.yaml');
    expect(again.code, again.stderr).toBe(0);
    const [, simulated = ''] = /^simulated hour: (\d+) events, \1 new, /m.exec(again.stdout) ?? [];
    expect(eventsOf(podj)).toBe(1 + Number(simulated));
    expect(podj('verify').code).toBe(0);
  }, 240_000);

  it('export killed while it writes: the journal keeps every byte, and import refuses the cut-short file in one line', async () => {
    const { podj, dir, journal } = workspace();
    writeFileSync(join(dir, 'hour.yaml'), clusterHour());
    expect(podj('simulate', 'hour.yaml').code).toBe(0);
    const files = fingerprint(journal);
    const file = join(dir, 'cut.export');
    const out = openSync(file, 'w');
    const exporter = spawn(process.execPath, [BIN, 'export'], { cwd: dir, env: { ...process.env, PODJ_JOURNAL: journal }, stdio: ['ignore', out, 'ignore'] });
    const exited = new Promise<string | null>((resolve) => exporter.on('close', (_, signal) => resolve(signal)));
    await until(() => statSync(file).size > 256 * 1024);
    exporter.kill('SIGKILL');
    const signal = await exited;
    closeSync(out);
    expect(fingerprint(journal)).toEqual(files);
    // killed before its last line (else the test learns nothing): the file holds fewer records than its header says
    expect(signal).toBe('SIGKILL');
    const fresh = workspace();
    const cut = new RegExp(`^error: ${file}:\\d+: the export (is cut short inside|ends after) record \\d+[^\n]*, but its header promises \\d+ records ending in [0-9a-f]{12}…\n$`);
    expect(fresh.podj('import', file)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(cut) });
    expect(readdirSync(fresh.dir)).toEqual([]);
    // cut inside its last line, as a kill between two writes of a line leaves it: it read 'FILE:N: is not JSON'
    const whole = podj('export').stdout;
    const third = whole.split('\n').slice(0, 3).join('\n');
    writeFileSync(file, third.slice(0, -20));
    expect(fresh.podj('import', file)).toEqual({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(new RegExp(`^error: ${file}:3: the export is cut short inside record 2 \\(its last line is not JSON\\), but its header promises \\d+ records`)),
    });
    // a broken line with lines after it is not JSON, as before
    writeFileSync(file, `${third.slice(0, -20)}\n${whole.split('\n')[3] ?? ''}\n`);
    expect(fresh.podj('import', file)).toEqual({ code: 2, stdout: '', stderr: `error: ${file}:3: is not JSON\n` });
    expect(readdirSync(fresh.dir)).toEqual([]);
  }, 240_000);
});
