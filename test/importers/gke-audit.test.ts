/**
 * GKE's Kubernetes audit logs as Cloud Logging keeps them (a LogEntry whose protoPayload is a Cloud Audit Log of
 * service k8s.io) import as the audit Events they were made from. The kubelet's status patches, which GKE's policy
 * logs at level Request (the patch, no response), are applied to the pod the log showed last.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { importFiles } from '../../src/importers/index.js';
import { withStatusPatch } from '../../src/importers/status-patch.js';
import { foldCluster, podsOf } from '../../src/reducers/index.js';
import { imported, real, withoutSourceLines } from './fixtures.js';
import { podj, tableRows } from './podj-in-process.js';

const dir = await mkdtemp(join(tmpdir(), 'podj-gke-audit-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const written = async (name: string, text: string): Promise<string> => {
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
};
const jsonLines = (docs: readonly unknown[]): string => docs.map((d) => `${JSON.stringify(d)}\n`).join('');

const story = async (file: string) => {
  const result = await imported([file]);
  return { format: result.files[0]?.format, events: withoutSourceLines(result.events), pods: podsOf(foldCluster(result.events)) };
};

/** An audit.k8s.io Event as GKE writes it to Cloud Logging (the mapping its docs describe; times, objects and users kept). */
const asLogEntry = (e: Record<string, unknown> & { objectRef: Record<string, string> }, verb: string) => ({
  insertId: e['auditID'],
  logName: 'projects/p/logs/cloudaudit.googleapis.com%2Factivity',
  operation: { first: true, id: e['auditID'], last: true, producer: 'k8s.io' },
  protoPayload: {
    '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
    authenticationInfo: { principalEmail: (e['user'] as { username: string }).username },
    methodName: `io.k8s.core.v1.${e.objectRef['resource']}.${verb}`,
    request: { '@type': 'core.k8s.io/v1.Pod', ...(e['requestObject'] as object) },
    requestMetadata: { callerSuppliedUserAgent: e['userAgent'] },
    resourceName: `core/v1/namespaces/${e.objectRef['namespace']}/${e.objectRef['resource']}/${e.objectRef['name'] ?? ''}`.replace(/\/$/, ''),
    response: { '@type': 'core.k8s.io/v1.Pod', ...(e['responseObject'] as object) },
    serviceName: 'k8s.io',
    status: { code: 0 },
  },
  receiveTimestamp: e['stageTimestamp'],
  resource: { labels: { cluster_name: 'c', location: 'us-central1-a', project_id: 'p' }, type: 'k8s_cluster' },
  timestamp: e['stageTimestamp'],
});

describe('a real pod create (falcosecurity/falco) as GKE logs it', async () => {
  const event = JSON.parse(readFileSync(real('audit-pod-create.falco.jsonl'), 'utf8')) as Record<string, unknown> & { objectRef: Record<string, string> };
  // Falco's line has no name in objectRef (a generateName create): GKE names the created object in resourceName.
  const named = { ...event, objectRef: { ...event.objectRef, name: (event['responseObject'] as { metadata: { name: string } }).metadata.name } };
  const plain = await story(real('audit-pod-create.falco.jsonl'));
  it.each([
    ['JSON lines', (entry: unknown) => jsonLines([entry])],
    ['a JSON array (gcloud logging read --format=json)', (entry: unknown) => JSON.stringify([entry], null, 2)],
  ])('as %s, gives the pods of the Event itself', async (_, text) => {
    expect(plain.pods).toHaveLength(1);
    expect(await story(await written('gke.json', text(asLogEntry(named, 'create'))))).toEqual(plain);
  });

  it('a refused write (a google.rpc code) is a rejected write, as the HTTP code it stands for', async () => {
    const entry = asLogEntry(named, 'create');
    const refused = { ...entry, protoPayload: { ...entry.protoPayload, response: undefined, status: { code: 6, message: 'pods "x" already exists' } } };
    const { events } = await imported([await written('refused.jsonl', jsonLines([refused]))]);
    expect(events.map((e) => (e.type === 'PodWriteRejected' ? { type: e.type, code: e.code, message: e.message } : e.type))).toEqual([
      { type: 'PodWriteRejected', code: 409, message: 'pods "x" already exists' },
    ]);
  });
});

/**
 * GoogleCloudPlatform/khi's GKE audit entries of one Deployment pod: its create (level RequestResponse), then two of
 * the kubelet's status patches (level Request: the patch alone). The authors set every time to 2024-01-01T01:00:00Z
 * and wrote the nginx restartCount of the last patch as the string "0"; their manifest (the status they rebuilt from
 * the patches, with the original times) shows 0.
 */
describe('GKE audit entries of a pod: its create and the kubelet status patches (GoogleCloudPlatform/khi)', async () => {
  const verbatim = real('khi/gke-audit-pod-lifecycle.yaml');
  const fixed = await written('lifecycle.yaml', readFileSync(verbatim, 'utf8').replace('restartCount: "0"', 'restartCount: 0'));
  const docs = parseAllDocuments(readFileSync(fixed, 'utf8')).map((d) => d.toJS() as { protoPayload: { request: unknown; response: Record<string, unknown> } });
  const manifest = parseAllDocuments(readFileSync(real('khi/gke-audit-pod-lifecycle.khi-manifest.yaml'), 'utf8'))[0]?.toJS() as { status: Record<string, unknown> };

  it('as the authors edited it, the string restartCount is refused in one line naming file, line and field', async () => {
    const result = await importFiles([verbatim]);
    expect(result).toEqual(E.left([`${verbatim}:351: requestObject (applied to the pod).status.containerStatuses[1].restartCount: "0" is not an integer`]));
  });

  it('the patches applied in turn give the containers and conditions of the authors’ own rebuilt status (times aside)', () => {
    const [create, first, second] = docs;
    const pod = [first, second].reduce((p, d) => withStatusPatch(p, d?.protoPayload.request), create?.protoPayload.response ?? {});
    // Times aside, and `lastProbeTime: null` (Go's zero time, which the API server stores as absent and prints as null).
    const untimed = (u: unknown): unknown => JSON.parse(JSON.stringify(u, (k, v: unknown) => (k === 'startedAt' || k === 'lastTransitionTime' || k === 'lastProbeTime' ? undefined : v)));
    const status = pod['status'] as Record<string, unknown>;
    expect(untimed(status['containerStatuses'])).toEqual(untimed(manifest.status['containerStatuses']));
    // Their manifest adds PodScheduled (named by $setElementOrder) from the binding; this log has no binding line.
    expect(untimed(status['conditions'])).toEqual(untimed((manifest.status['conditions'] as Array<{ type: string }>).filter((c) => c.type !== 'PodScheduled')));
  });

  it('imports as the kubelet wrote it: containers running, nginx ready, the node named by the writer (inferred)', async () => {
    const journal = ['--journal', join(dir, 'journal')];
    const out = await podj('import', ...journal, fixed);
    expect(out.code, out.stderr).toBe(0);
    const rows = tableRows((await podj('get', 'pods', '-A', '-o', 'wide', ...journal)).stdout);
    expect(rows.map((r) => [r['NAME'], r['READY'], r['RESTARTS'], r['NODE']])).toEqual([['nginx-deployment-surge-8655b4b8c5-xf5f4', '1/2', '0', 'gke-sample-cluster-default-abcdefgh-abcd']]);
    const events = (await podj('events', '-o', 'journal', ...journal)).stdout;
    // No line binds the pod: the kubelet's writes (system:node:NAME) show it, and the binding is marked inferred.
    expect(events).toMatch(/PodBound +bound to gke-sample-cluster-default-abcdefgh-abcd \(inferred\)/);
    const describeOut = await podj('describe', 'pod', 'nginx-deployment-surge-8655b4b8c5-xf5f4', '-n', '1-2-deployment-update', ...journal);
    const described = describeOut.stdout;
    expect(described).toMatch(/Scheduled +0s \(inferred\)/);
    // The kubelet's first status patch (startTime, hostIP, the phase it moved) is not among the lines: the Start
    // Time and Status describe prints are podj's own, and it says so, on those lines and on stderr.
    expect(described).toMatch(/^Start Time: +Mon, 01 Jan 2024 01:00:00 \+0000 \(inferred\)$/m);
    expect(described).toMatch(/^Status: +Running \(inferred\)$/m);
    expect(describeOut.stderr).toBe("note: inferred on import (no source shows the kubelet's admission: Start Time and Status are podj's): 1-2-deployment-update/nginx-deployment-surge-8655b4b8c5-xf5f4\n");
    expect(described).toMatch(/Container ID: +containerd:\/\/5043bea4/);
    expect(described).toMatch(/Image ID: +sha256:36a4dca0/);
    // The binding the writer shows stored PodScheduled True (its time unknown): the conditions the authors rebuilt, in their order.
    const pods = JSON.parse((await podj('get', 'pods', '-A', '-o', 'json', ...journal)).stdout) as { items: Array<{ status: { conditions: Array<{ type: string }> } }> };
    expect(pods.items[0]?.status.conditions.map((c) => c.type)).toEqual((manifest.status['conditions'] as Array<{ type: string }>).map((c) => c.type));
  });

  it('a replaced list is stored without its nulls, as the API server decodes them (nil pointers)', () => {
    const pod = { status: { containerStatuses: [{ name: 'app', state: { running: { startedAt: 'T0' } } }] } };
    const patch = { status: { containerStatuses: [{ name: 'app', state: { running: null, terminated: { exitCode: 137 } } }], message: null } };
    expect(withStatusPatch(pod, patch)).toEqual({ status: { containerStatuses: [{ name: 'app', state: { terminated: { exitCode: 137 } } }] } });
  });
});

describe('a GKE entry that is no pod write, or is malformed', () => {
  it('an entry of another service (a GKE node pool operation, GoogleCloudPlatform/khi) is skipped', async () => {
    const file = await written('nodepool.json', jsonLines(parseAllDocuments(readFileSync(real('khi/gke-audit-nodepool-creation.yaml'), 'utf8')).map((d) => d.toJS())));
    const result = await imported([file]);
    expect({ format: result.files[0]?.format, events: result.events, skipped: result.files[0]?.skippedDocuments }).toEqual({ format: 'audit', events: [], skipped: 1 });
  });

  it.each([
    ['no methodName', { insertId: 'a', protoPayload: { '@type': 'type.googleapis.com/google.cloud.audit.AuditLog' } }, 'protoPayload.methodName: is required'],
    ['a bad timestamp', { insertId: 'a', timestamp: 'yesterday', protoPayload: { '@type': 'type.googleapis.com/google.cloud.audit.AuditLog', methodName: 'io.k8s.core.v1.pods.delete' } }, 'timestamp: "yesterday" is not an RFC 3339 time'],
  ])('%s is refused in one line naming the file, line and field', async (_, entry, why) => {
    const file = await written('bad.jsonl', jsonLines([entry]));
    const result = await importFiles([file]);
    expect(result).toEqual(E.left([`${file}:1: ${why}`]));
  });
});
