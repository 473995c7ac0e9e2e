/**
 * Audit logs as managed clouds export them (AKS diagnostic settings, EKS through CloudWatch Logs) import as
 * the audit Events they wrap: the same events, hence the same pods, as the Events imported unwrapped.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/importers/index.js';
import { foldCluster, podsOf } from '../../src/reducers/index.js';
import { imported, real, withoutSourceLines } from './fixtures.js';

const dir = await mkdtemp(join(tmpdir(), 'podj-cloud-wrappers-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const written = async (name: string, lines: readonly unknown[]): Promise<string> => {
  const file = join(dir, name);
  await writeFile(file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  return file;
};

/** The story a file tells: its events without their file and line, and the pods they fold into. */
const story = async (file: string) => {
  const result = await imported([file]);
  return { format: result.files[0]?.format, events: withoutSourceLines(result.events), pods: podsOf(foldCluster(result.events)) };
};

describe('an AKS kube-audit record (elastic/integrations, a real AKS cluster, 2025)', () => {
  it('imports as the audit Event in its properties.log', async () => {
    const record = JSON.parse(readFileSync(real('elastic/aks-kube-audit.log'), 'utf8')) as { properties: { log: string } };
    const unwrapped = await story(await written('aks-unwrapped.jsonl', [JSON.parse(record.properties.log)]));
    const wrapped = await story(real('elastic/aks-kube-audit.log'));
    expect(wrapped.format).toBe('audit');
    expect(wrapped).toEqual(unwrapped);
  });
});

describe('a real pod create (falcosecurity/falco) as each cloud wraps it', async () => {
  const eventText = readFileSync(real('audit-pod-create.falco.jsonl'), 'utf8').trim();
  const plain = await story(real('audit-pod-create.falco.jsonl'));
  const azureRecord = { time: '2018-10-25T14:09:25Z', category: 'kube-audit', properties: { log: eventText, pod: 'kube-apiserver-1', stream: 'stdout' } };
  it.each([
    ['an AKS record (properties.log a string)', [azureRecord]],
    ['an AKS record whose forwarder parsed properties.log', [{ ...azureRecord, category: 'kube-audit-admin', properties: { log: JSON.parse(eventText) } }]],
    ['an AKS storage export ({"records": [...]})', [{ records: [azureRecord] }]],
    ['a CloudWatch Logs event (EKS)', [{ timestamp: 1540476565000, message: eventText, ingestionTime: 1540476566000 }]],
    ['a CloudWatch Logs subscription batch (EKS)', [{ messageType: 'DATA_MESSAGE', logGroup: '/aws/eks/c/cluster', logStream: 'kube-apiserver-audit-1', logEvents: [{ id: '1', timestamp: 1540476565000, message: eventText }] }]],
  ])('%s gives the pods of the Event unwrapped', async (_, lines) => {
    expect(plain.pods).toHaveLength(1);
    expect(await story(await written('wrapped.jsonl', lines))).toEqual(plain);
  });
});

describe('a wrapper holding something other than an audit Event', () => {
  it.each([
    ['an AKS kube-audit record with a klog line', { category: 'kube-audit', properties: { log: 'I1007 16:19:19.647 1 trace.go:236] Trace' } }, 'properties.log'],
    ['an AKS batch with a kube-apiserver record', { records: [{ category: 'kube-apiserver', properties: { log: 'I1007 x' } }] }, 'records[0].properties.log'],
    ['a CloudWatch event of another log stream', { timestamp: 1, message: '{"level":"info"}' }, 'message'],
  ])('%s is refused in one line naming the file and line', async (_, wrapper, where) => {
    const file = await written('bad.jsonl', [wrapper]);
    const result = await importFiles([file]);
    expect(result).toEqual(E.left([`${file}:1: ${where} is not an audit.k8s.io Event`]));
  });
});
