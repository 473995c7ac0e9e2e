/**
 * Kubernetes' own cases for the container restart rules, as data: `pkg/api/v1/pod/util_test.go ::
 * TestContainerHasRestartablePolicy` (it calls `ContainerShouldRestart`) and `::
 * TestFindMatchingContainerRestartRule`, put to `containerShouldRestart` and `matchingRestartRule`; then the
 * same `ContainerShouldRestart` cases through the reducers' `restartDue` (`ShouldContainerBeRestarted` of a
 * regular container that exited with that code).
 *
 * Not carried: `TestIsContainerRestartable` (`IsContainerRestartable`): after kubernetes' fix of probe
 * kills under container restart rules the v1.36 kubelet paths podjournal simulates do not call it.
 */
import { describe, expect, test } from 'vitest';
import type { Container, ContainerRestartRule, PodSpec } from '../../src/k8s/pod.js';
import { containerShouldRestart, matchingRestartRule } from '../../src/k8s/restart-rules.js';
import { initialContainerView } from '../../src/reducers/containers.js';
import { containerView } from '../../src/reducers/container-view.js';
import { restartDue } from '../../src/reducers/restart.js';

type Spec = Pick<PodSpec, 'restartPolicy'>;
const rule = (operator: 'In' | 'NotIn', values: number[]): ContainerRestartRule => ({ action: 'Restart', exitCodes: { operator, values } });
const never = (r: ContainerRestartRule): Omit<Container, 'name'> => ({ restartPolicy: 'Never', restartPolicyRules: [r] });

// util_test.go :: TestContainerHasRestartablePolicy — name, container, pod spec, exit code, expected
const shouldRestart: ReadonlyArray<readonly [string, Omit<Container, 'name'>, Spec, number, boolean]> = [
  ["Rule: 'In' operator matches with 'Restart' action", never(rule('In', [42, 50, 60])), {}, 42, true],
  ["Rule: 'NotIn' operator matches with 'Restart' action", never(rule('NotIn', [0, 1, 2])), {}, 99, true],
  ["Rule: 'In' operator does not match, should fall back to container policy", never(rule('In', [10, 20])), {}, 30, false],
  ["Rule: 'NotIn' operator does not match, should fall back to container policy", never(rule('NotIn', [10, 20])), {}, 10, false],
  ["Container Policy: 'Always'", { restartPolicy: 'Always' }, { restartPolicy: 'Never' }, 0, true],
  ["Container Policy: 'OnFailure' with exit code 0", { restartPolicy: 'OnFailure' }, { restartPolicy: 'Never' }, 0, false],
  ["Container Policy: 'OnFailure' with non-zero exit code", { restartPolicy: 'OnFailure' }, { restartPolicy: 'Never' }, 1, true],
  ["Container Policy: 'Never' should return false", { restartPolicy: 'Never' }, { restartPolicy: 'Always' }, 1, false],
  ["Pod Policy: Fallback to pod 'Always'", {}, { restartPolicy: 'Always' }, 0, true],
  ["Pod Policy: Fallback to pod 'OnFailure' with non-zero exit code", {}, { restartPolicy: 'OnFailure' }, 1, true],
  ["Pod Policy: Fallback to pod 'Never'", {}, { restartPolicy: 'Never' }, 1, false],
  ['Pod Policy: Fallback with no policies specified should return true', {}, {}, 0, true],
];

const ruleIn = rule('In', [42, 50, 60]);
const ruleNotIn = rule('NotIn', [0, 1, 2]);
const ruleIn42 = rule('In', [42]);

// util_test.go :: TestFindMatchingContainerRestartRule — name, rules, exit code, the rule found (if any)
const matching: ReadonlyArray<readonly [string, ContainerRestartRule[], number, ContainerRestartRule | undefined]> = [
  ['a rule with op In matches', [ruleIn], 42, ruleIn],
  ['a rule with op NotIn matches', [ruleNotIn], 99, ruleNotIn],
  ['matches the first rule if two rules both matched', [ruleIn, ruleIn42], 42, ruleIn],
  ['no rules matched', [ruleIn], 100, undefined],
  ['no rules defined', [], 0, undefined],
];

const specOf = (c: Container, spec: Spec): PodSpec => ({ containers: [c], ...spec });

describe('util_test.go :: TestContainerHasRestartablePolicy (ContainerShouldRestart)', () => {
  test.each(shouldRestart)('%s', (_name, fields, spec, code, want) => {
    const c: Container = { name: 'c', ...fields };
    expect(containerShouldRestart(c, specOf(c, spec), code)).toBe(want);
  });
});

describe('util_test.go :: TestFindMatchingContainerRestartRule', () => {
  test.each(matching)('%s', (_name, restartPolicyRules, code, want) => {
    expect(matchingRestartRule({ name: 'c', restartPolicyRules }, code)).toBe(want);
  });
});

describe('the same ContainerShouldRestart cases as ShouldContainerBeRestarted of an exited regular container (restartDue)', () => {
  test.each(shouldRestart)('%s', (_name, fields, spec, code, want) => {
    const c: Container = { name: 'c', ...fields };
    const exited = containerView(initialContainerView, { instances: 1, current: { kind: 'terminated', terminated: { exitCode: code } } });
    expect(restartDue('regular', c, specOf(c, spec), exited, false)).toBe(want);
  });
});
