/**
 * Kubernetes' `ShouldContainerBeRestarted` cases as data: `pkg/kubelet/container/helpers_test.go ::
 * TestShouldContainerBeRestarted`, put to `restartDue` (regular containers). Upstream's pod status lists
 * several runtime instances per name; `ShouldContainerBeRestarted` reads the first one listed
 * (`FindContainerStatusByName`), which is what our view keeps as the newest instance (`current`).
 */
import { describe, expect, test } from 'vitest';
import type { Container, RestartPolicy } from '../../src/k8s/pod.js';
import { initialContainerView } from '../../src/reducers/containers.js';
import { containerView } from '../../src/reducers/container-view.js';
import type { ContainerView } from '../../src/reducers/kubelet-view.js';
import { restartDue } from '../../src/reducers/restart.js';

const exited = (exitCode: number): ContainerView =>
  containerView(initialContainerView, { instances: 1, current: { kind: 'terminated', terminated: { exitCode } } });

/** The first instance upstream lists under each container name. */
const views: Readonly<Record<string, ContainerView | undefined>> = {
  'no-history': initialContainerView,
  alive: containerView(initialContainerView, { instances: 1, current: { kind: 'running', running: {} } }),
  succeed: exited(0),
  failed: exited(1),
  // ContainerStateUnknown: a journal records no runtime state "unknown" (a view is created, running or
  // terminated), so this container is not applicable; its expectations are kept below, unchecked.
  unknown: undefined,
};

const app: Container = { name: 'app' };

const policies: readonly RestartPolicy[] = ['Never', 'OnFailure', 'Always'];

// helpers_test.go :: TestShouldContainerBeRestarted, "test policies" (Never, OnFailure, Always)
const expected: Readonly<Record<string, readonly boolean[]>> = {
  'no-history': [true, true, true],
  alive: [false, false, false],
  succeed: [false, false, true],
  failed: [false, true, true],
  unknown: [true, true, true],
};

// helpers_test.go :: TestShouldContainerBeRestarted, "test deleted pod"
const expectedDeleted: Readonly<Record<string, readonly boolean[]>> = {
  'no-history': [false, false, false],
  alive: [false, false, false],
  succeed: [false, false, false],
  failed: [false, false, false],
  unknown: [false, false, false],
};

describe('helpers_test.go :: TestShouldContainerBeRestarted', () => {
  for (const [table, deleted, want] of [
    ['test policies', false, expected],
    ['test deleted pod', true, expectedDeleted],
  ] as const) {
    for (const [name, view] of Object.entries(views)) {
      policies.forEach((policy, i) => {
        const run = view === undefined ? test.skip : test;
        run(`${table}: ${name} with restart policy ${policy}${view === undefined ? ' (not applicable: no unknown runtime state in a journal)' : ''}`, () => {
          if (view === undefined) return;
          expect(restartDue('regular', app, { containers: [app], restartPolicy: policy }, view, deleted)).toBe(want[name]?.[i]);
        });
      });
    }
  }
});
