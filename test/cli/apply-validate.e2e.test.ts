/**
 * `podj apply` and fields the v1 Pod does not have, as kubectl v1.36 applies them: `--validate=strict` by default,
 * so the API server refuses the pod (`strict decoding error`) and nothing is written; `warn` writes it with a
 * warning a field; `ignore` writes it silently (`cmdutil.GetValidationDirective`).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from './podj.js';

const typo = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  restartPolicy: Never
  containers:
  - name: app
    image: nginx:1.27
    imagePullPolcy: Always
    resources:
      limits: { memory: 64Mi }
      burst: 2
`;

const at = '2026-01-01T00:00:00Z';

describe('apply --validate', () => {
  it('refuses unknown fields by default with the API server’s strict decoding error, writing nothing', () => {
    const { podj, dir, journal } = workspace();
    writeFileSync(join(dir, 'pod.yaml'), typo);
    expect(podj('apply', '-f', 'pod.yaml', '--at', at)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolcy", unknown field "spec.containers[0].resources.burst"\n',
    });
    expect(existsSync(journal)).toBe(false);
    expect(podj('apply', '-f', 'pod.yaml', '--at', at, '--validate=true').code).toBe(2);
  });

  it('writes the pod with one warning a field under --validate=warn, and silently under ignore', () => {
    const { podj, dir } = workspace();
    writeFileSync(join(dir, 'pod.yaml'), typo);
    const warned = podj('apply', '-f', 'pod.yaml', '--at', at, '--validate=warn');
    expect(warned).toMatchObject({ code: 0, stdout: 'pod/web created\n' });
    // a write also names the journal's new head on stderr
    expect(warned.stderr.split('\n').filter((l) => l.startsWith('Warning:'))).toEqual([
      'Warning: pod.yaml:10: unknown field "spec.containers[0].imagePullPolcy"',
      'Warning: pod.yaml:13: unknown field "spec.containers[0].resources.burst"',
    ]);
    writeFileSync(join(dir, 'pod.yaml'), typo.replace('name: web', 'name: web-2'));
    const ignored = podj('apply', '-f', 'pod.yaml', '--at', at, '--validate=false');
    expect(ignored).toMatchObject({ code: 0, stdout: 'pod/web-2 created\n' });
    expect(ignored.stderr).not.toContain('Warning');
    expect(podj('get', 'pods', '-o', 'name').stdout).toBe('pod/web\npod/web-2\n');
  });

  it('refuses a --validate value kubectl does not know', () => {
    const { podj, dir, journal } = workspace();
    writeFileSync(join(dir, 'pod.yaml'), typo);
    expect(podj('apply', '-f', 'pod.yaml', '--validate=loose')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: invalid - validate option "loose"; must be one of: strict (or true), warn, ignore (or false)\n',
    });
    expect(existsSync(journal)).toBe(false);
  });
});
