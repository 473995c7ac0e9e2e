import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readFileEvents, terminalProgress, type ImportProgress } from '../../src/importers/index.js';

/** A watch stream of `pods` pods, each ADDED then MODIFIED (started): 2 lines per pod. */
const bigWatch = (pods: number): string => {
  const lines: string[] = [];
  for (let i = 0; i < pods; i++) {
    const metadata = { name: `p-${i}`, namespace: 'load', uid: `uid-${i}`, creationTimestamp: '2026-02-01T00:00:00Z', labels: { app: 'load', pad: 'x'.repeat(200) } };
    const spec = { nodeName: 'n1', containers: [{ name: 'c', image: 'busybox' }] };
    lines.push(JSON.stringify({ type: 'ADDED', object: { kind: 'Pod', metadata, spec: { containers: spec.containers } } }));
    const status = {
      phase: 'Running',
      startTime: '2026-02-01T00:00:01Z',
      containerStatuses: [{ name: 'c', ready: true, restartCount: 0, containerID: `containerd://${i}`, state: { running: { startedAt: '2026-02-01T00:00:02Z' } } }],
    };
    lines.push(JSON.stringify({ type: 'MODIFIED', object: { kind: 'Pod', metadata, spec, status } }));
  }
  return `${lines.join('\n')}\n`;
};

describe('large files', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'podj-big-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'big.watch.jsonl');
  await writeFile(file, bigWatch(5000));
  const size = (await stat(file)).size;

  it('streams: events come in chunks while the file is still being read, with progress', async () => {
    const progress: ImportProgress[] = [];
    const chunks: number[] = [];
    for await (const chunk of readFileEvents(file, { chunkSize: 1000, onProgress: (p) => progress.push(p) })) {
      if (chunk.kind === 'events') chunks.push(chunk.events.length);
      if (chunk.kind === 'done') expect(chunk.summary).toMatchObject({ format: 'watch', documents: 10_000, events: 5000 * 7 });
    }
    // PodCreated, PodBound, PodAdmitted, ContainerCreated, ContainerStarted and a PodObserved per document (two
    // per pod), 500 pods per 1000 documents.
    expect(chunks).toEqual(Array.from({ length: 10 }, () => 3500));
    expect(progress[0]?.bytesRead).toBeLessThan(size);
    expect(progress[progress.length - 1]).toMatchObject({ bytesRead: size, totalBytes: size, events: 35_000 });
    const read = progress.map((p) => p.bytesRead);
    expect([...read].sort((a, b) => a - b)).toEqual(read);
  });
});

describe('terminalProgress', () => {
  const sink = (isTTY: boolean) => {
    let written = '';
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        written += chunk.toString();
        done();
      },
    });
    return { stream: Object.assign(stream, { isTTY, columns: 100 }), text: () => written };
  };

  it('draws nothing when stderr is not a terminal', () => {
    expect(terminalProgress(sink(false).stream)).toBeUndefined();
  });

  it('draws a bar with the file and the events on a terminal', () => {
    const out = sink(true);
    const bar = terminalProgress(out.stream);
    bar?.update({ file: 'audit.log', bytesRead: 50, totalBytes: 100, events: 7 });
    bar?.stop();
    expect(out.text()).toContain('audit.log');
    expect(out.text()).toContain('50%');
  });
});
