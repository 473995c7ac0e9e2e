/**
 * Issue 14 item 4: a scenario's manifests are read only if their real path is a regular file inside the
 * scenario's folder, and never more than the cap; every refusal is one line, exit 2, nothing written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_MANIFEST_BYTES, readContainedFile } from '../../src/cli/contained-file.js';
import { workspace } from './podj.js';

const pod = 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n    - { name: app, image: nginx:1.25 }\n';
const scenario = (manifest: string): string =>
  `start: 2026-01-18T08:00:00Z\nuntil: 1m\nnodes:\n  - name: n1\ntimeline:\n  - at: 0s\n    apply: ${manifest}\n`;

describe('scenario manifest paths (issue 14 item 4)', () => {
  it('reads a regular file inside the folder, also through a symlink that stays inside', () => {
    const { dir, podj } = workspace();
    mkdirSync(join(dir, 'manifests'));
    writeFileSync(join(dir, 'manifests', 'web.yaml'), pod);
    symlinkSync('manifests/web.yaml', join(dir, 'alias.yaml'));
    writeFileSync(join(dir, 's.yaml'), scenario('alias.yaml'));
    const r = podj('simulate', 's.yaml');
    expect(r.stderr).toMatch(/^head \d+ sha256:[0-9a-f]{64}\n$/); // nothing but the head line every write prints
    expect(r.code).toBe(0);
  });

  it.each([
    ['a symlink to a file outside the folder', (dir: string) => symlinkSync('/etc/hostname', join(dir, 'm.yaml')), "resolves outside the scenario's folder"],
    ['a symlink to /dev/zero', (dir: string) => symlinkSync('/dev/zero', join(dir, 'm.yaml')), "resolves outside the scenario's folder"],
    ['a FIFO', (dir: string) => execFileSync('mkfifo', [join(dir, 'm.yaml')]), 'is not a regular file'],
    ['a folder', (dir: string) => mkdirSync(join(dir, 'm.yaml')), 'is a folder'],
    ['a file over the cap', (dir: string) => writeFileSync(join(dir, 'm.yaml'), Buffer.alloc(MAX_MANIFEST_BYTES + 1, 0x20)), `is larger than ${MAX_MANIFEST_BYTES} bytes`],
  ])('refuses %s with one line, exit 2, and writes no journal', (_, plant, why) => {
    const { dir, journal, podj } = workspace();
    plant(dir);
    writeFileSync(join(dir, 's.yaml'), scenario('m.yaml'));
    const r = podj('simulate', 's.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: s.yaml:7: timeline[0].apply: cannot read "m.yaml": ${why}\n`);
    expect(existsSync(journal)).toBe(false);
  });

  it('never reads more than the cap from a file that is a device inside the folder', () => {
    const { dir } = workspace();
    // a device node cannot be created without privileges: /dev itself stands in as "the folder"
    expect(readContainedFile('/dev', 'zero')).toEqual({ _tag: 'Left', left: 'is not a regular file' });
    expect(readContainedFile(dir, 'missing.yaml')).toEqual({ _tag: 'Left', left: 'no such file' });
  });
});
