/**
 * A key given twice in a JSON object: JSON.parse keeps the last without a word, so `import` made the pod the
 * second `name` named and `record -f` recorded the second `node`. The API server's strict decoding refuses such
 * a body; here it is bad input, one line naming the file, line, key and column (exit 2), and the journal is as
 * it was (a new one is not made).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, workspace } from './podj.js';

const pod = (metadata: string): string =>
  `{"apiVersion":"v1","kind":"Pod","metadata":{${metadata},"namespace":"default","uid":"u1","creationTimestamp":"2026-01-01T00:00:00Z"},"spec":{"containers":[{"name":"a","image":"nginx"}]},"status":{"phase":"Pending"}}`;

describe('a JSON object with a key given twice', () => {
  it('import refuses a JSON line, or a pretty-printed list, naming the line, the key and its column; nothing is written', () => {
    const { podj, dir, journal } = workspace();
    writeFileSync(join(dir, 'twice.json'), `${pod('"name":"web","name":"db"')}\n`);
    expect(podj('import', 'twice.json')).toEqual({ code: 2, stdout: '', stderr: 'error: twice.json:1: invalid JSON: duplicate key "name" (column 58)\n' });
    expect(existsSync(journal)).toBe(false);
    podj('apply', '-f', join(REPO, 'test/fixtures/manifests/liveness-exec.yaml'), '--at', '2026-01-01T00:00:00Z');
    const head = podj('verify').stdout;
    const list = `{"apiVersion":"v1","kind":"PodList","items":[\n  ${pod('"name":"web","labels":{"app":"a","app":"b"}')}\n]}\n`;
    writeFileSync(join(dir, 'list.json'), list);
    expect(podj('import', 'list.json')).toMatchObject({ code: 2, stderr: 'error: list.json:2: invalid JSON: duplicate key "app" (column 80)\n' });
    expect(podj('verify').stdout).toBe(head);
    // the same pod once each: imported
    writeFileSync(join(dir, 'once.json'), `${pod('"name":"web"')}\n`);
    expect(podj('import', 'once.json').code).toBe(0);
    expect(podj('get', 'pods', 'web').code).toBe(0);
  });

  it('record -f refuses the line, naming the file, line, key and column, and records nothing', () => {
    const { podj, dir } = workspace();
    podj('apply', '-f', join(REPO, 'test/fixtures/manifests/liveness-exec.yaml'), '--at', '2026-01-01T00:00:00Z');
    const head = podj('verify').stdout;
    const event = '{"at":"2026-01-01T00:01:00.000Z","conditionType":"Ready","node":"n1","node":"n2","source":"node","status":"True","type":"NodeConditionChanged","v":1}';
    writeFileSync(join(dir, 'events.jsonl'), `${event.replace('"node":"n1","node":"n2"', '"node":"n1"')}\n${event}\n`);
    expect(podj('record', '-f', 'events.jsonl')).toEqual({ code: 2, stdout: '', stderr: 'error: events.jsonl:2: invalid JSON: duplicate key "node" (column 70)\n' });
    expect(podj('verify').stdout).toBe(head);
  });
});
