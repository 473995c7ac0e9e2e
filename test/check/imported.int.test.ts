/** `podj check` over an imported journal: the synthetic audit log of one pod's life imports into a journal with no violations. */
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { renderViolation } from '../../src/check/index.js';
import { checkStoredJournal } from '../../src/check/run.js';
import { importFiles } from '../../src/importers/index.js';
import { tempJournal } from '../support/temp-journal.js';

const AUDIT = join(import.meta.dirname, '../fixtures/import/pod-life.audit.jsonl');

describe('podj check over imported journals', () => {
  it('finds nothing in the imported audit log of a pod life', async () => {
    const imported = await importFiles([AUDIT]);
    if (E.isLeft(imported)) throw new Error(imported.left.join('\n'));
    const journal = await tempJournal();
    await journal.appendNew(imported.right.events, { expectedSeq: 0 });
    const report = await checkStoredJournal(journal);
    expect(report.records).toBeGreaterThan(5);
    expect(report.violations.map(renderViolation)).toEqual([]);
  });
});
