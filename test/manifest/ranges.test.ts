/**
 * What the API server refuses that a careless or hostile manifest may carry: numbers beyond their Go field
 * (`json: cannot unmarshal number … of type int64`) or beyond a `time.Duration`, annotations over 256 KiB
 * (`objectmeta.go :: ValidateAnnotations`, `TotalAnnotationSizeLimitB`), an env var with both `value` and
 * `valueFrom` (`validation.go :: validateEnvVarValueFrom`).
 */
import { describe, expect, it } from 'vitest';
import { errorLine, firstPod } from './load-helpers.js';

const pod = (specLines: string, metaLines = '  name: p') => `apiVersion: v1
kind: Pod
metadata:
${metaLines}
spec:
${specLines}  containers:
  - name: c
    image: busybox:1.36
`;

describe('numbers the API server cannot hold (k8s/ranges.ts)', () => {
  it.each([
    ['grace 1e308 (not an int64)', pod('  terminationGracePeriodSeconds: 1e308\n'), 'pod.yaml:6: spec.terminationGracePeriodSeconds: Invalid value: 1e+308: cannot unmarshal number 1e+308 into Go value of type int64'],
    [
      'grace 9e12 (an int64, but no time.Duration)',
      pod('  terminationGracePeriodSeconds: 9000000000000\n'),
      'pod.yaml:6: spec.terminationGracePeriodSeconds: Invalid value: 9000000000000: must be no more than 9223372036 seconds in magnitude (the longest time.Duration)',
    ],
    [
      'a probe period beyond int32',
      pod('', '  name: p').replace('image: busybox:1.36\n', 'image: busybox:1.36\n    readinessProbe:\n      exec: { command: ["true"] }\n      periodSeconds: 3000000000\n'),
      'pod.yaml:11: spec.containers[0].readinessProbe.periodSeconds: Invalid value: 3000000000: cannot unmarshal number 3000000000 into Go value of type int32',
    ],
    [
      'a toleration of 1e15 s',
      pod('  tolerations: [{ key: k, operator: Exists, effect: NoExecute, tolerationSeconds: 1000000000000000 }]\n'),
      'pod.yaml:6: spec.tolerations[0].tolerationSeconds: Invalid value: 1000000000000000: must be no more than 9223372036 seconds in magnitude (the longest time.Duration)',
    ],
    ['activeDeadlineSeconds 1e300', pod('  activeDeadlineSeconds: 1e300\n'), 'pod.yaml:6: spec.activeDeadlineSeconds: Invalid value: 1e+300: cannot unmarshal number 1e+300 into Go value of type int64'],
  ])('%s', (_, text, line) => {
    expect(errorLine(text)).toBe(line);
  });

  it('accepts the longest grace a time.Duration holds', () => {
    expect(firstPod(pod('  terminationGracePeriodSeconds: 9223372036\n')).spec.terminationGracePeriodSeconds).toBe(9223372036);
  });

  // A pod whose numbers all fit an int32 is let through without walking its fields; one beyond takes the walk.
  it('accepts a grace beyond int32 (an int64 of seconds), and still names a field beyond its type beside it', () => {
    expect(firstPod(pod('  terminationGracePeriodSeconds: 3000000000\n')).spec.terminationGracePeriodSeconds).toBe(3000000000);
    expect(errorLine(pod('  terminationGracePeriodSeconds: 3000000000\n  priority: 3000000000\n'))).toBe(
      'pod.yaml:7: spec.priority: Invalid value: 3000000000: cannot unmarshal number 3000000000 into Go value of type int32',
    );
  });
});

describe('ValidateAnnotations: TotalAnnotationSizeLimitB = 256 * 1024, keys and values in bytes', () => {
  const withAnnotation = (bytes: number) => pod('', `  name: p\n  annotations:\n    big: "${'x'.repeat(bytes)}"`);
  it('refuses one byte over', () => {
    expect(errorLine(withAnnotation(256 * 1024 - 3 + 1))).toBe('pod.yaml:5: metadata.annotations: Too long: may not be more than 262144 bytes');
  });
  it('accepts exactly the limit', () => {
    expect(firstPod(withAnnotation(256 * 1024 - 3)).metadata.annotations?.['big']?.length).toBe(256 * 1024 - 3);
  });
});

describe('validateEnvVarValueFrom', () => {
  const withEnv = (env: string) => pod('').replace('image: busybox:1.36\n', `image: busybox:1.36\n    env:\n${env}`);
  it('refuses value beside valueFrom', () => {
    expect(errorLine(withEnv('    - name: A\n      value: x\n      valueFrom: { fieldRef: { fieldPath: metadata.name } }\n'))).toBe(
      'pod.yaml:12: spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
    );
  });
  it('refuses two sources', () => {
    expect(
      errorLine(withEnv('    - name: A\n      valueFrom: { fieldRef: { fieldPath: metadata.name }, secretKeyRef: { name: s, key: k } }\n')),
    ).toBe('pod.yaml:11: spec.containers[0].env[0].valueFrom: Invalid value: "": may not have more than one field specified at a time');
  });
  it('accepts an empty value beside valueFrom, as the API server does', () => {
    expect(firstPod(withEnv('    - name: A\n      value: ""\n      valueFrom: { fieldRef: { fieldPath: metadata.name } }\n')).spec.containers[0]?.env).toHaveLength(1);
  });
});
