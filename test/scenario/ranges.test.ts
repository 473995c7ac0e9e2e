/**
 * Scenario values that would store what no reader can fold are refused at load, each with one line naming
 * the field: grace beyond a Go `time.Duration` (`src/k8s/ranges.ts`), exit codes beyond int32, durations
 * beyond Go's longest, and a run that ends past the last instant the API can write.
 */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { renderScenarioError } from '../../src/scenario/index.js';
import { loadText } from './support.js';

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: busybox
`;

const scenario = (until: string, rest: string, start = '2026-01-18T08:00:00Z') => `# a story
start: ${start}
until: ${until}
nodes: [{ name: node01 }]
timeline:
  - at: 0s
    apply: pod.yaml
${rest}`;

const errorOf = (text: string) => {
  const result = loadText(text, { 'pod.yaml': pod });
  return E.isLeft(result) ? renderScenarioError(result.left) : 'loaded';
};

describe('scenario ranges', () => {
  it('refuses a deletion grace no time.Duration holds', () => {
    expect(errorOf(scenario('5m', '  - at: 1m\n    delete: { pod: web, gracePeriodSeconds: 9000000000000 }\n'))).toBe(
      'fixtures/scenario.yaml:9: timeline[1].delete.gracePeriodSeconds: 9000000000000 is out of range: must be no more than 9223372036 seconds in magnitude (the longest time.Duration)',
    );
  });

  it('refuses an exit code beyond int32', () => {
    expect(errorOf(scenario('5m', 'behavior:\n  web:\n    app: { exit: { after: 1s, code: 4294967296 } }\n'))).toContain(
      'cannot unmarshal number 4294967296 into Go value of type int32',
    );
  });

  it('refuses a duration longer than Go can hold', () => {
    expect(errorOf(scenario('3000000h', ''))).toBe('fixtures/scenario.yaml:3: until: "3000000h" is longer than the longest Go duration (2562047h47m16s)');
  });

  it('refuses a run past year 9999', () => {
    expect(errorOf(scenario('2000000h', '', '9900-01-01T00:00:00Z'))).toBe('fixtures/scenario.yaml:3: until: runs past 9999-12-31T23:59:59Z, the last instant the API can write');
  });
});
