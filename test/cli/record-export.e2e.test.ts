/** `record -f` streamed in bounded memory, and `export --redact`, through the built binary. */
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openJournal } from '../../src/journal/index.js';
import { podCreated, containerStarted } from '../journal/fixtures.js';
import { workspace } from './podj.js';
import { finish } from './spawn.js';

/** `record` appends to an existing journal: make an empty one. */
const emptyJournal = async (dir: string): Promise<void> => (await openJournal(dir)).close();

describe('record -f', () => {
  it('streams a file larger than its heap may hold: 60,000 events under a 48 MiB old-space limit', async () => {
    const { dir, journal } = workspace();
    await emptyJournal(journal);
    const file = join(dir, 'events.jsonl');
    const out = createWriteStream(file);
    out.write(`${JSON.stringify(podCreated('big', 0))}\n`);
    for (let i = 1; i < 60_000; i++) out.write(`${JSON.stringify(containerStarted('big', i))}\n`);
    await new Promise((resolve) => out.end(resolve));
    const env = { ...process.env, NODE_OPTIONS: '--max-old-space-size=48' };
    const r = await finish(['record', '-f', file, '--journal', journal], { env });
    expect(r.stderr).toMatch(/^head 60000 sha256:[0-9a-f]{64}\n$/);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').at(-2)).toMatch(/^#60000 ContainerStarted pod\/default\/pod-big: /);
    expect((await finish(['verify', '--journal', journal])).stdout).toMatch(/^verified 60000 records/);
  }, 120_000);

  it('a bad line refuses the whole file, naming file:line, and nothing is written', async () => {
    const { dir, journal, podj } = workspace();
    await emptyJournal(journal);
    const file = join(dir, 'events.jsonl');
    const lines = Array.from({ length: 20_000 }, (_, i) => JSON.stringify(i === 0 ? podCreated('x', 0) : containerStarted('x', i)));
    writeFileSync(file, `${lines.join('\n')}\n{"type":"ContainerStarted"}\n`);
    const r = podj('record', '-f', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`^error: ${file}:20001: `));
    expect(podj('verify').stdout).toMatch(/^verified 0 records/);
  });
});

describe('export --redact', () => {
  const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    api-token: s3cr3t-annotation
spec:
  containers:
    - name: app
      image: nginx
      args: ["--password=s3cr3t-arg"]
      env:
        - name: DB_PASSWORD
          value: s3cr3t-env
      livenessProbe:
        httpGet:
          path: /healthz
          port: 80
          httpHeaders:
            - name: Authorization
              value: Bearer s3cr3t-header
`;

  it('replaces env values, args, probe header values and annotation values with a stable digest; the copy verifies', async () => {
    const { dir, journal, podj } = workspace();
    writeFileSync(join(dir, 'pod.yaml'), manifest);
    expect(podj('apply', '-f', 'pod.yaml').code).toBe(0);
    const plain = podj('export').stdout;
    expect(plain).toContain('s3cr3t-env');
    const redacted = podj('export', '--redact');
    expect(redacted.code, redacted.stderr).toBe(0);
    expect(redacted.stdout).not.toMatch(/s3cr3t/);
    expect(redacted.stdout).toContain('"name":"DB_PASSWORD"');
    expect(redacted.stdout).toContain('"name":"Authorization"');
    expect(redacted.stdout).toMatch(/"api-token":"redacted:sha256:[0-9a-f]{16}"/);
    expect(podj('export', '--redact').stdout).toBe(redacted.stdout);
    writeFileSync(join(dir, 'redacted.jsonl'), redacted.stdout);
    const copy = join(dir, 'copy');
    const imported = await finish(['import', join(dir, 'redacted.jsonl'), '--journal', copy]);
    expect(imported.code, imported.stderr).toBe(0);
    expect((await finish(['verify', '--journal', copy])).code).toBe(0);
    const pods = await finish(['get', 'pods', '--journal', copy]);
    expect(pods.stdout).toMatch(/^NAME\s+READY/);
    expect(pods.stdout).toContain('web');
  });
});
