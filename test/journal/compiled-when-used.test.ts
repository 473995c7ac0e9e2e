/**
 * A guard compiled only once it has been used enough (`compiled-guard.ts :: compiledWhenUsed`): a read of one
 * pod's records checks too few events of each type to earn a compile back (bench/README.md, "The CLI's one-pod
 * verbs"), so the codec's own `is` answers until then, and the compiled guard after, with the same answers.
 */
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { CHECKS_BEFORE_COMPILING, compileGuard, compiledWhenUsed } from '../../src/journal/compiled-guard.js';

const Shape = t.type({ name: t.string, restarts: t.number, ready: t.union([t.boolean, t.undefined]) });
const values: unknown[] = [{ name: 'api', restarts: 2, ready: true }, { name: 'api', restarts: '2' }, { name: 'web', restarts: 0 }, null, [], { restarts: 1 }];

describe('compiledWhenUsed', () => {
  it('answers with the codec until it has been asked CHECKS_BEFORE_COMPILING times, then compiles once', () => {
    let compiles = 0;
    const guard = compiledWhenUsed(Shape, (codec) => {
      compiles++;
      return compileGuard(codec);
    });
    for (let i = 0; i < CHECKS_BEFORE_COMPILING; i++) guard(values[i % values.length]);
    expect(compiles).toBe(0);
    for (let i = 0; i < 3 * CHECKS_BEFORE_COMPILING; i++) guard(values[i % values.length]);
    expect(compiles).toBe(1);
  });

  it('gives the codec’s answers before and after it compiles', () => {
    const guard = compiledWhenUsed(Shape);
    for (let i = 0; i < 2 * CHECKS_BEFORE_COMPILING + values.length; i++) {
      const value = values[i % values.length];
      expect(guard(value)).toBe(Shape.is(value));
    }
  });
});
