/**
 * A container's own `restartPolicy` and `restartPolicyRules` (gate `ContainerRestartRules`, on in v1.36), as
 * `validation.go :: validateContainerRestartPolicy` answers them. Each rejected case's wording is what a
 * v1.36.1 API server answered to a server-side dry run of that shape; each accepted shape was created by it.
 */
import { describe, expect, it } from 'vitest';
import { errorLine, firstPod } from './load-helpers.js';

/** A pod with one container `c` whose restart fields are `lines` (indented by four). */
const withContainer = (lines: string, list: 'containers' | 'initContainers' = 'containers') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  restartPolicy: Never
  ${list}:
  - name: c
    image: busybox:1.36
${lines}${list === 'initContainers' ? '  containers:\n  - name: app\n    image: busybox:1.36\n' : ''}`;
// Line numbers: the container starts on line 8 (where an absent field of it is reported), its own fields on line 10.

const rule = (body: string) => `    restartPolicy: Never\n    restartPolicyRules:\n    - ${body}\n`;

const rejected: ReadonlyArray<readonly [string, string, string]> = [
  [
    'rules without the container’s own restartPolicy',
    withContainer('    restartPolicyRules:\n    - { action: Restart, exitCodes: { operator: In, values: [3] } }\n'),
    'pod.yaml:8: spec.containers[0].restartPolicy: Required value: must specify restartPolicy when restart rules are used',
  ],
  [
    'an init container’s rules without its own restartPolicy',
    withContainer('    restartPolicyRules:\n    - { action: Restart, exitCodes: { operator: In, values: [3] } }\n', 'initContainers'),
    'pod.yaml:8: spec.initContainers[0].restartPolicy: Required value: must specify restartPolicy when restart rules are used',
  ],
  ['a rule without exitCodes', withContainer(rule('{ action: Restart }')), 'pod.yaml:12: spec.containers[0].restartPolicyRules[0].exitCodes: Required value: must be specified'],
  [
    'an unknown action',
    withContainer(rule('{ action: DoNotRestart, exitCodes: { operator: In, values: [3] } }')),
    'pod.yaml:12: spec.containers[0].restartPolicyRules[0].action: Unsupported value: "DoNotRestart": supported values: "Restart", "RestartAllContainers"',
  ],
  [
    'an unknown operator',
    withContainer(rule('{ action: Restart, exitCodes: { operator: Equals, values: [3] } }')),
    'pod.yaml:12: spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: "Equals": supported values: "In", "NotIn"',
  ],
  [
    'no operator',
    withContainer(rule('{ action: Restart, exitCodes: { values: [1] } }')),
    'pod.yaml:12: spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: "": supported values: "In", "NotIn"',
  ],
  [
    'more than 20 rules',
    withContainer(`    restartPolicy: Never\n    restartPolicyRules:\n${'    - { action: Restart, exitCodes: { operator: In, values: [3] } }\n'.repeat(21)}`),
    'pod.yaml:11: spec.containers[0].restartPolicyRules: Too many: 21: must have at most 20 items',
  ],
  [
    'more than 255 exit codes',
    withContainer(rule(`{ action: Restart, exitCodes: { operator: In, values: [${Array.from({ length: 256 }, (_, i) => i).join(', ')}] } }`)),
    'pod.yaml:12: spec.containers[0].restartPolicyRules[0].exitCodes.values: Too many: 256: must have at most 255 items',
  ],
  [
    'a RestartAllContainers rule without exitCodes',
    withContainer(rule('{ action: RestartAllContainers }')),
    'pod.yaml:12: spec.containers[0].restartPolicyRules[0].exitCodes: Required value: must be specified',
  ],
];

/** A sidecar (restartable init container) `s` whose own fields are `lines`, beside one regular container. */
const withSidecar = (lines: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers:
  - name: s
    image: busybox:1.36
    restartPolicy: Always
${lines}  containers:
  - name: app
    image: busybox:1.36
`;

const accepted: ReadonlyArray<readonly [string, string]> = [
  ['a regular container’s own policy', withContainer('    restartPolicy: OnFailure\n')],
  ['an In rule with no values', withContainer(rule('{ action: Restart, exitCodes: { operator: In, values: [] } }'))],
  ['a NotIn rule', withContainer(rule('{ action: Restart, exitCodes: { operator: NotIn, values: [3] } }'))],
  ['exit codes beyond 0..255 (no range is checked)', withContainer(rule('{ action: Restart, exitCodes: { operator: In, values: [-1, 256, 300] } }'))],
  ['a regular init container with its own Never and a rule', withContainer(rule('{ action: Restart, exitCodes: { operator: In, values: [3] } }'), 'initContainers')],
  ['a regular init container with its own OnFailure', withContainer('    restartPolicy: OnFailure\n', 'initContainers')],
  // gate RestartAllContainersOnContainerExits (beta, on in v1.36): accepted wherever rules are
  ['a RestartAllContainers rule on a regular container', withContainer(rule('{ action: RestartAllContainers, exitCodes: { operator: In, values: [42] } }'))],
  ['a RestartAllContainers rule on a regular init container', withContainer(rule('{ action: RestartAllContainers, exitCodes: { operator: In, values: [42] } }'), 'initContainers')],
  ['a RestartAllContainers rule on a sidecar', withSidecar('    restartPolicyRules:\n    - { action: RestartAllContainers, exitCodes: { operator: In, values: [88] } }\n')],
];

describe('validateContainerRestartPolicy', () => {
  it.each(rejected)('rejects %s', (_name, manifest, expected) => {
    expect(errorLine(manifest)).toBe(expected);
  });
  it.each(accepted)('accepts %s', (_name, manifest) => {
    expect(errorLine(manifest)).toBe('loaded without error');
  });
  it('keeps the fields on the loaded pod', () => {
    const c = firstPod(withContainer(rule('{ action: Restart, exitCodes: { operator: In, values: [3] } }'))).spec.containers[0];
    expect(c?.restartPolicy).toBe('Never');
    expect(c?.restartPolicyRules).toEqual([{ action: 'Restart', exitCodes: { operator: 'In', values: [3] } }]);
  });
});

describe('exit codes are int32', () => {
  it('refuses one beyond int32 as the API server decodes it', () => {
    expect(errorLine(withContainer(rule('{ action: Restart, exitCodes: { operator: In, values: [2147483648] } }')))).toBe(
      'pod.yaml:12: spec.containers[0].restartPolicyRules[0].exitCodes.values[0]: Invalid value: 2147483648: cannot unmarshal number 2147483648 into Go value of type int32',
    );
  });
});
