/** `podj check` end to end, in process: the summary and exit 0 when clean; each violation, its records and exit 1 otherwise. */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { run } from '../../src/cli/main.js';
import { processIO, type CliIO } from '../../src/cli/io.js';
import { tempJournal } from '../support/temp-journal.js';
import { app, life } from './builders.js';

const job = life('job', { restartPolicy: 'Never', containers: [app('task')] });
const clean: Event[] = [...job.scheduled(0), ...job.start('task', 1), job.exit('task', 1, 5, 1)];
const planted: Event[] = [...clean, ...job.start('task', 6)];

/** A journal holding `events`, closed so the CLI can open it; its folder. */
const journalWith = async (events: readonly Event[]): Promise<string> => {
  const journal = await tempJournal();
  await journal.append(events, { expectedSeq: 0 });
  await journal.close();
  return journal.dir;
};

const podj = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { ...processIO(), out: (t) => void (stdout += t), err: (t) => void (stderr += t), errIsTTY: false, env: {} };
  const code = await run(argv, io);
  return { code, stdout, stderr };
};

describe('podj check', () => {
  it('prints a one-line summary and exits 0 on a clean journal', async () => {
    const dir = await journalWith(clean);
    expect(await podj('check', '--journal', dir)).toEqual({
      code: 0,
      stdout: 'no violations of 14 invariants in 7 records about 1 pod\n',
      stderr: '',
    });
  });

  it('prints each violation with the records that show it and exits 1', async () => {
    const dir = await journalWith(planted);
    const r = await podj('check', '--journal', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        'restart-under-never: default/job: container task started again under restartPolicy Never after exiting 1',
        '  #7 2026-01-01T14:00:05.000Z ContainerExited task: task: exited 1 (Error)',
        '  #9 2026-01-01T14:00:06.000Z ContainerStarted task: task: started',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe(`journal ${dir}: 1 violation of 14 invariants in 9 records about 1 pod\n`);
  });

  it('-o json prints the report, records included, and still exits 1', async () => {
    const dir = await journalWith(planted);
    const r = await podj('check', '--journal', dir, '-o', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { violations: Array<{ check: string; evidence: Array<{ seq: number }> }>; summary: string };
    expect(report.violations.map((v) => [v.check, v.evidence.map((e) => e.seq)])).toEqual([['restart-under-never', [7, 9]]]);
    expect(report.summary).toBe('1 violation of 14 invariants in 9 records about 1 pod');
  });

  it('exits 2 on a folder that holds no journal', async () => {
    expect((await podj('check', '--journal', '/nonexistent/podj')).code).toBe(2);
  });
});
