import * as E from 'fp-ts/lib/Either.js';
import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { convertFiles, subjectKeyOf } from '../../src/importers/index.js';
import { canonical } from '../../src/journal/index.js';
import { ours, real } from './fixtures.js';

const FILES = [real('rolling-update-pods.watch.jsonl'), real('rolling-update-events.json'), ours('pod-life.audit.jsonl')];

const mergedWith = async (spill: { memoryItems: number; partitions: number } | undefined, known: readonly Event[] = []) => {
  const converted = await convertFiles(FILES, spill === undefined ? {} : { spill });
  if (E.isLeft(converted)) throw new Error(converted.left.join('\n'));
  const { facts } = converted.right;
  const events: Event[] = [];
  try {
    for await (const e of facts.merged(async function* (subjects) {
      yield* known.filter((k) => subjects.has(subjectKeyOf(k)));
    })) {
      events.push(e);
    }
    return { events, onDisk: facts.onDisk };
  } finally {
    await facts.dispose();
  }
};

/** Each subject's events in order: what the fold of each pod and node sees. */
const bySubject = (events: readonly Event[]): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const e of events) out.set(subjectKeyOf(e), [...(out.get(subjectKeyOf(e)) ?? []), canonical(e)]);
  return out;
};

describe('an import spilled to disk', () => {
  it('merges to the same facts as in memory: each subject in the same order, all in valid-time order', async () => {
    const memory = await mergedWith(undefined);
    const spilled = await mergedWith({ memoryItems: 10, partitions: 3 });
    expect(memory.onDisk).toBe(false);
    expect(spilled.onDisk).toBe(true);
    expect(spilled.events.length).toBe(memory.events.length);
    expect(bySubject(spilled.events)).toEqual(bySubject(memory.events));
    expect(spilled.events.every((e, i) => i === 0 || (spilled.events[i - 1]?.at ?? '') <= e.at)).toBe(true);
  });

  it('leaves out what the journal already holds, as in memory', async () => {
    const all = (await mergedWith(undefined)).events;
    const known = all.filter((_, i) => i % 2 === 0);
    const memory = await mergedWith(undefined, known);
    const spilled = await mergedWith({ memoryItems: 10, partitions: 4 }, known);
    expect(memory.events.length).toBeLessThan(all.length);
    expect(bySubject(spilled.events)).toEqual(bySubject(memory.events));
  });

  it('spills into a folder of its own under the one given, and removes it when disposed', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'podj-spill-test-'));
    const converted = await convertFiles(FILES, { spill: { memoryItems: 10, partitions: 2, dir: parent } });
    if (E.isLeft(converted)) throw new Error(converted.left.join('\n'));
    expect(readdirSync(parent)).toHaveLength(1);
    await converted.right.facts.dispose();
    expect(readdirSync(parent)).toEqual([]);
    rmSync(parent, { recursive: true });
  });
});
