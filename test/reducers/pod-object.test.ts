import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import type { V1Pod } from '../../src/k8s/pod.js';
import { baseOf, foldCluster } from '../../src/reducers/index.js';
import { podWith } from '../../src/reducers/pod-object.js';
import { withEntry, withFields } from '../../src/reducers/records.js';
import { at, bound, created, podRef, started } from '../support/event-builders.js';

// V8's own test of hidden classes (`%HaveSameMap`), compiled after the flag is set
setFlagsFromString('--allow-natives-syntax');
const sameHiddenClass = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: object, b: object) => boolean;

const record0Untouched = (): Record<string, number> => {
  const record = { c0: 0 };
  withEntry(record, 'c0', 1);
  withFields(record, { c0: 2 });
  return record;
};

describe('withFields and podWith copy as the spreads they replace', () => {
  it('keeps the key order, replaces a key in place and appends a new one, the source untouched', () => {
    const status = { phase: 'Pending', qosClass: 'BestEffort' };
    const copy = withFields(status, { phase: 'Running', startTime: 'T' } as Partial<typeof status>);
    expect(Object.keys(copy)).toEqual(Object.keys({ ...status, phase: 'Running', startTime: 'T' }));
    expect(JSON.stringify(copy)).toBe(JSON.stringify({ ...status, phase: 'Running', startTime: 'T' }));
    expect(status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('makes plain objects sized to their keys: keys, JSON and prototype of the spread, one hidden class per key order', () => {
    for (let n = 0; n <= 13; n++) {
      const record: Record<string, number> = Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, i]));
      const added = withEntry(record, 'web', 99);
      expect(Object.keys(added)).toEqual(Object.keys({ ...record, web: 99 }));
      expect(JSON.stringify(added)).toBe(JSON.stringify({ ...record, web: 99 }));
      expect(Object.getPrototypeOf(added)).toBe(Object.prototype);
      const replaced = withEntry(added, 'web', 1);
      expect(Object.keys(replaced)).toEqual(Object.keys(added));
      expect(sameHiddenClass(replaced, added)).toBe(true);
      const fields = withFields(record, { c0: -1, extra: 1 });
      expect(JSON.stringify(fields)).toBe(JSON.stringify({ ...record, c0: -1, extra: 1 }));
      expect(fields.constructor).toBe(Object);
    }
    expect(record0Untouched()).toEqual({ c0: 0 });
  });

  it('gives a pod without a status no status key', () => {
    const pod: V1Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' }, spec: { containers: [] } };
    expect(Object.keys(podWith(pod, pod.metadata, pod.spec, undefined))).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
    expect(Object.keys(podWith(pod, pod.metadata, pod.spec, { phase: 'Pending' }))).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  });
});

/** A life each pod of the fold lives: created, bound to its own node, started, deletion requested. */
const life = (i: number): Event[] => {
  const pod = podRef(`web-${i}`);
  return [
    created(pod, 0),
    bound(pod, 1, `node-${i}`),
    ...started(pod, 2),
    { v: 1, type: 'PodDeletionRequested', at: at(3), source: 'api', pod, gracePeriodSeconds: 30 },
  ];
};

describe('the fold gives pods of one shape one hidden class', () => {
  it('their objects, statuses, metadata and bound specs: no new class per pod for optimized code to meet', () => {
    const pods = [...foldCluster(Array.from({ length: 40 }, (_, i) => life(i)).flat()).pods.values()].map(baseOf);
    expect(pods).toHaveLength(40);
    const [first, ...others] = pods;
    if (first === undefined) throw new Error('no pod');
    for (const p of others) {
      expect(sameHiddenClass(p, first)).toBe(true);
      expect(sameHiddenClass(p.status ?? {}, first.status ?? {})).toBe(true);
      expect(sameHiddenClass(p.metadata, first.metadata)).toBe(true);
      expect(sameHiddenClass(p.spec, first.spec)).toBe(true);
    }
  });
});
