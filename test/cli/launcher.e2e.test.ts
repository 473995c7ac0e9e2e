/**
 * The executable starts the bundled program from V8's code cache (src/cli/launcher.ts): the build's cache is
 * used, and a missing or damaged one changes nothing but the speed. The damaged cases run on a copy of
 * dist/podj/ (beside links to the package's node_modules and package.json, as the package lays it out), so the
 * built one stays as it is for the other tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MALLOC_ARENA_MAX, PROCESS_START, SEMI_SPACE_FLAG } from '../../src/cli/heap-growth.js';
import { REPO, sample, workspace } from './podj.js';

const run = (bin: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, PODJ_CODE_CACHE: 'check' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** A copy of the built CLI in `dir`, laid out as in the package; returns its executable and cache file. */
const copyOfBuild = (dir: string): { bin: string; cache: string } => {
  const root = join(dir, 'package');
  mkdirSync(root);
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
  symlinkSync(join(REPO, 'package.json'), join(root, 'package.json'));
  cpSync(join(REPO, 'dist/podj'), join(root, 'dist/podj'), { recursive: true });
  const cache = readdirSync(join(root, 'dist/podj')).find((f) => f.endsWith('.cache'));
  if (cache === undefined) throw new Error('the build made no code cache');
  return { bin: join(root, 'dist/podj/bin.js'), cache: join(root, 'dist/podj', cache) };
};

/** A simulated journal in a fresh workspace, and `get pods -A` on it as the built CLI answers. */
const journalAndAnswer = () => {
  const ws = workspace();
  expect(ws.podj('simulate', sample('crashloop-memleak')).code).toBe(0);
  const args = ['get', 'pods', '-A', '--journal', ws.journal];
  return { dir: ws.dir, args, expected: run(join(REPO, 'dist/podj/bin.js'), args) };
};

describe('podj from its code cache', () => {
  it('uses the cache the build made', () => {
    const { expected } = journalAndAnswer();
    expect(expected.stderr).toBe('code cache: used\n');
    expect(expected.code).toBe(0);
    expect(expected.stdout).toMatch(/^NAMESPACE +NAME +READY +STATUS/);
  });

  it('answers the same without a cache, and with a damaged one', () => {
    const { dir, args, expected } = journalAndAnswer();
    const copy = copyOfBuild(dir);
    expect(run(copy.bin, args)).toEqual(expected);
    writeFileSync(copy.cache, Buffer.alloc(4096, 7));
    expect(run(copy.bin, args)).toEqual({ ...expected, stderr: 'code cache: rejected\n' });
    writeFileSync(copy.cache, '');
    expect(run(copy.bin, args).stdout).toBe(expected.stdout);
    rmSync(copy.cache);
    expect(run(copy.bin, args)).toEqual({ ...expected, stderr: 'code cache: missing\n' });
  });

  it('writes, with PODJ_CODE_CACHE_RUNS, a cache that also holds the code of the commands run after the first', () => {
    const { dir, args } = journalAndAnswer();
    const copy = copyOfBuild(dir);
    const write = (runs: readonly (readonly string[])[] | undefined) => {
      rmSync(copy.cache, { force: true });
      const r = spawnSync(process.execPath, [copy.bin, ...args], {
        encoding: 'utf8',
        env: { ...process.env, PODJ_CODE_CACHE: 'write', ...(runs === undefined ? {} : { PODJ_CODE_CACHE_RUNS: JSON.stringify(runs) }) },
      });
      expect(r.status).toBe(0);
      return { stdout: r.stdout, bytes: readFileSync(copy.cache).length };
    };
    const alone = write(undefined);
    const journal = args[args.indexOf('--journal') + 1] ?? '';
    const withDescribe = write([['describe', 'pod', 'memleak-pod', '--journal', journal]]);
    expect(withDescribe.stdout.startsWith(alone.stdout)).toBe(true);
    expect(withDescribe.stdout).toMatch(/^Name: +memleak-pod$/m);
    // describe's read, fold and printer compiled in the same script: more code in the cache
    expect(withDescribe.bytes).toBeGreaterThan(alone.bytes + 50_000);
    expect(run(copy.bin, args).stderr).toBe('code cache: used\n');
  });

  it('starts node through its #! line with what V8 and glibc read only at a start, and still from the cache', async () => {
    const bin = join(REPO, 'dist/podj/bin.js');
    expect(readFileSync(bin, 'latin1').split('\n', 1)[0]).toBe(`#!/usr/bin/env -S ${PROCESS_START}`);
    const { args, expected } = journalAndAnswer();
    const direct = spawnSync(bin, args, { encoding: 'utf8', env: { ...process.env, PODJ_CODE_CACHE: 'check' } });
    expect({ code: direct.status, stdout: direct.stdout, stderr: direct.stderr }).toEqual(expected);
    // The running process itself (env execs node in its place): an import waiting for its standard input.
    const ws = workspace();
    const child = spawn(bin, ['import', '-', '--journal', ws.journal], { stdio: ['pipe', 'ignore', 'ignore'] });
    const closed = new Promise((done) => child.once('close', done));
    const argv = async (): Promise<string[]> => {
      for (let i = 0; i < 500; i++) {
        const now = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
        if (now[0] === 'node') return now;
        await sleep(10);
      }
      throw new Error('podj never became node');
    };
    const started = await argv();
    const environment = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
    child.stdin.end();
    await closed;
    expect(started.slice(0, 3)).toEqual(['node', SEMI_SPACE_FLAG, bin]);
    expect(environment).toContain(`MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX}`);
  });

  it('never looks for the cache of another build', () => {
    const { dir, args, expected } = journalAndAnswer();
    const copy = copyOfBuild(dir);
    const program = join(copy.bin, '../podj.js');
    // Another build of the same program: one more statement, and the content hash the build writes last.
    const source = `void 0;${readFileSync(program, 'latin1').replace(/\/\/ podj-bundle [0-9a-f]{64}\n$/, '')}`;
    writeFileSync(program, `${source}// podj-bundle ${createHash('sha256').update(source).digest('hex')}\n`);
    expect(run(copy.bin, args)).toEqual({ ...expected, stderr: 'code cache: missing\n' });
  });
});
