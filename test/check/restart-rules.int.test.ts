/**
 * `restart-under-never` and `restart-after-success` read each container's own `restartPolicy` and its
 * `restartPolicyRules` (gate `ContainerRestartRules`, on in v1.36), over journals in a real LevelDB.
 */
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/events/index.js';
import { checkStoredJournal } from '../../src/check/run.js';
import { tempJournal } from '../support/temp-journal.js';
import { app, life } from './builders.js';

const violationsIn = async (events: readonly Event[]) => {
  const journal = await tempJournal();
  await journal.append(events, { expectedSeq: 0 });
  return (await checkStoredJournal(journal)).violations.map((v) => `${v.check}: ${v.message}`);
};

const rule42 = { action: 'Restart', exitCodes: { operator: 'In', values: [42] } };
const ruled = life('ruled', { restartPolicy: 'Never', containers: [app('task', { restartPolicy: 'Never', restartPolicyRules: [rule42] })] });
const ownNever = life('own', { restartPolicy: 'Always', containers: [app('task', { restartPolicy: 'Never' })] });
const ownOnFailure = life('once', { restartPolicy: 'Always', containers: [app('task', { restartPolicy: 'OnFailure' })] });

describe('restart checks over container-level restart fields', () => {
  it('accepts a restart its rule names under the pod’s and the container’s Never', async () => {
    expect(await violationsIn([...ruled.scheduled(0), ...ruled.start('task', 1), ruled.exit('task', 1, 5, 42), ...ruled.start('task', 6)])).toEqual([]);
  });
  it('flags a restart after an exit code no rule names', async () => {
    expect(await violationsIn([...ruled.scheduled(0), ...ruled.start('task', 1), ruled.exit('task', 1, 5, 1), ...ruled.start('task', 6)])).toEqual([
      'restart-under-never: container task started again under restartPolicy Never after exiting 1',
    ]);
  });
  it('flags a restart of a container whose own Never overrides the pod’s Always', async () => {
    expect(await violationsIn([...ownNever.scheduled(0), ...ownNever.start('task', 1), ownNever.exit('task', 1, 5, 1), ...ownNever.start('task', 6)])).toEqual([
      'restart-under-never: container task started again under restartPolicy Never after exiting 1',
    ]);
  });
  it('flags a restart after exit 0 of a container whose own OnFailure overrides the pod’s Always', async () => {
    expect(await violationsIn([...ownOnFailure.scheduled(0), ...ownOnFailure.start('task', 1), ownOnFailure.exit('task', 1, 5, 0), ...ownOnFailure.start('task', 6)])).toEqual([
      'restart-after-success: container task started again under restartPolicy OnFailure after exiting 0',
    ]);
  });
});
