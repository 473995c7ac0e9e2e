/**
 * `restart-under-never` and `restart-after-success` read each container's own `restartPolicy` and its
 * `restartPolicyRules` (gate `ContainerRestartRules`, on in v1.36), and `restart-all-unasked` the removals of a
 * `RestartAllContainers` reset (gate `RestartAllContainersOnContainerExits`), over journals in a real LevelDB.
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

const all88 = { action: 'RestartAllContainers', exitCodes: { operator: 'In', values: [88] } };
const gang = life('gang', { restartPolicy: 'Never', containers: [app('worker'), app('watcher', { restartPolicy: 'Never', restartPolicyRules: [all88] })] });
const bothRunning = () => [...gang.scheduled(0), ...gang.start('worker', 1), ...gang.start('watcher', 1)];

describe('restart checks over a RestartAllContainers reset', () => {
  it('accepts a reset its rule asked for, and the containers started afresh under Never', async () => {
    const reset = [gang.exit('watcher', 1, 30, 88), gang.kill('worker', 31, 'RestartAllContainers', 0), gang.exit('worker', 1, 31, 143), gang.removed('worker', 1, 31), gang.removed('watcher', 1, 31)];
    expect(await violationsIn([...bothRunning(), ...reset, ...gang.start('worker', 32), ...gang.start('watcher', 32)])).toEqual([]);
  });
  it('flags a removal no matching exit asked for', async () => {
    expect(await violationsIn([...bothRunning(), gang.exit('watcher', 1, 30, 1), gang.removed('watcher', 1, 31)])).toEqual([
      'restart-all-unasked: container watcher removed while no exit a RestartAllContainers rule matches was listed',
    ]);
  });
  it('flags a start before the reset removed every container', async () => {
    expect(await violationsIn([...bothRunning(), gang.exit('watcher', 1, 30, 88), gang.removed('watcher', 1, 31), ...gang.start('watcher', 32)])).toEqual([
      'restart-all-unasked: container watcher started before the reset removed worker',
    ]);
  });
});
