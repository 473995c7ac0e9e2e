/**
 * Kubernetes' cases as data: `plugin/pkg/admission/defaulttolerationseconds/admission_test.go ::
 * TestForgivenessAdmission` (the version on `spec.tolerations`, with the `node.alpha.kubernetes.io` cases), put
 * to `admittedTolerations`, the tolerations the DefaultTolerationSeconds plugin stores on a created pod. Upstream
 * compares the whole list, in order ("the order of tolerations matters!"). The deprecated alpha keys
 * (`node.alpha.kubernetes.io/notReady`, `.../unreachable`) are any other key to v1.36's `Admit`: not counted.
 */
import { describe, expect, test } from 'vitest';
import { admittedTolerations, NOT_READY_TAINT, UNREACHABLE_TAINT, type Toleration } from '../../src/k8s/tolerations.js';

interface Case {
  readonly description: string;
  readonly requested: readonly Toleration[];
  readonly expected: readonly Toleration[];
}

const DEPRECATED_NOT_READY = 'node.alpha.kubernetes.io/notReady';
const DEPRECATED_UNREACHABLE = 'node.alpha.kubernetes.io/unreachable';

const noExecute = (key: string, tolerationSeconds: number): Toleration => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds });
const notReady300 = noExecute(NOT_READY_TAINT, 300);
const unreachable300 = noExecute(UNREACHABLE_TAINT, 300);
const foo: Toleration = { key: 'foo', operator: 'Equal', value: 'bar', effect: 'NoSchedule', tolerationSeconds: 700 };
const unreachableAnyEffect: Toleration = { key: UNREACHABLE_TAINT, operator: 'Exists', tolerationSeconds: 700 };
const wildcard: Toleration = { operator: 'Exists', tolerationSeconds: 700 };

// admission_test.go :: TestForgivenessAdmission
const TestForgivenessAdmission: Case[] = [
  {
    description: 'pod has no tolerations, expect add tolerations for `not-ready:NoExecute` and `unreachable:NoExecute`',
    requested: [],
    expected: [notReady300, unreachable300],
  },
  {
    description: 'pod has alpha tolerations, expect add tolerations for `not-ready:NoExecute` and `unreachable:NoExecute`, the alpha tolerations will not be touched',
    requested: [noExecute(DEPRECATED_NOT_READY, 300), noExecute(DEPRECATED_UNREACHABLE, 300)],
    expected: [noExecute(DEPRECATED_NOT_READY, 300), noExecute(DEPRECATED_UNREACHABLE, 300), notReady300, unreachable300],
  },
  {
    description: 'pod has alpha not-ready toleration, expect add tolerations for `not-ready:NoExecute` and `unreachable:NoExecute`, the alpha tolerations will not be touched',
    requested: [noExecute(DEPRECATED_NOT_READY, 300)],
    expected: [noExecute(DEPRECATED_NOT_READY, 300), notReady300, unreachable300],
  },
  {
    description: 'pod has alpha unreachable toleration, expect add tolerations for `not-ready:NoExecute` and `unreachable:NoExecute`, the alpha tolerations will not be touched',
    requested: [noExecute(DEPRECATED_UNREACHABLE, 300)],
    expected: [noExecute(DEPRECATED_UNREACHABLE, 300), notReady300, unreachable300],
  },
  {
    description: 'pod has tolerations, but none is for taint `not-ready:NoExecute` or `unreachable:NoExecute`, expect add tolerations for `not-ready:NoExecute` and `unreachable:NoExecute`',
    requested: [foo],
    expected: [foo, notReady300, unreachable300],
  },
  {
    description: 'pod specified a toleration for taint `not-ready:NoExecute`, expect add toleration for `unreachable:NoExecute`',
    requested: [noExecute(NOT_READY_TAINT, 700)],
    expected: [noExecute(NOT_READY_TAINT, 700), unreachable300],
  },
  {
    description: 'pod specified a toleration for taint `unreachable:NoExecute`, expect add toleration for `not-ready:NoExecute`',
    requested: [noExecute(UNREACHABLE_TAINT, 700)],
    expected: [noExecute(UNREACHABLE_TAINT, 700), notReady300],
  },
  {
    description: 'pod specified tolerations for both `not-ready:NoExecute` and `unreachable:NoExecute`, expect no change',
    requested: [noExecute(NOT_READY_TAINT, 700), noExecute(UNREACHABLE_TAINT, 700)],
    expected: [noExecute(NOT_READY_TAINT, 700), noExecute(UNREACHABLE_TAINT, 700)],
  },
  {
    description: 'pod specified toleration for taint `unreachable`, expect add toleration for `not-ready:NoExecute`',
    requested: [unreachableAnyEffect],
    expected: [unreachableAnyEffect, notReady300],
  },
  {
    description: 'pod has wildcard toleration for all kind of taints, expect no change',
    requested: [wildcard],
    expected: [wildcard],
  },
];

describe('admission_test.go :: TestForgivenessAdmission', () => {
  test.each(TestForgivenessAdmission.map((c) => [c.description, c] as const))('%s', (_, c) => {
    expect(admittedTolerations(c.requested)).toEqual(c.expected);
  });
});
