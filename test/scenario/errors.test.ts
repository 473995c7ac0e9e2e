/** A scenario with a mistake is a Left with one line naming the file, the line and the path. */
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { renderScenarioError } from '../../src/scenario/index.js';
import { loadText } from './support.js';

const pod = (name: string, container = 'app') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: ${container}
    image: busybox
`;

/** A scenario around `body`, which starts at line 5. */
const scenario = (body: string) => `# a story
start: 2026-01-18T08:00:00Z
until: 5m
nodes: [{ name: node01 }]
${body}`;

/** A scenario that applies pod.yaml (pod `web`, container `app`) at 0s, then `rest` (timeline steps or sections). */
const applying = (rest: string) => scenario(`timeline:\n  - at: 0s\n    apply: pod.yaml\n${rest}`);

const errorOf = (text: string, files: Readonly<Record<string, string>> = { 'pod.yaml': pod('web') }) => {
  const result = loadText(text, files);
  return E.isLeft(result) ? renderScenarioError(result.left) : 'loaded';
};

describe('scenario errors', () => {
  it('names a bad duration with its line and path', () => {
    const text = applying(`  - at: 5 minutes
    delete: { pod: web }
`);
    expect(errorOf(text)).toBe('fixtures/scenario.yaml:8: timeline[1].at: "5 minutes" is not a duration');
  });

  it.each([
    ['-5%', 'eviction percentage threshold memory.available must be >= 0%: -5%'],
    ['0', 'eviction threshold memory.available must be positive: 0'],
  ])('names a memoryEvictionThreshold the kubelet refuses (%s) with its line and path', (value, message) => {
    const text = `# a story
start: 2026-01-18T08:00:00Z
until: 5m
nodes: [{ name: node01, memoryEvictionThreshold: "${value}" }]
timeline: []
`;
    expect(errorOf(text)).toBe(`fixtures/scenario.yaml:4: nodes[0].memoryEvictionThreshold: ${message}`);
  });

  it('loads a memoryEvictionThreshold given as a percentage', () => {
    expect(errorOf(applying('').replace('[{ name: node01 }]', '[{ name: node01, memoryEvictionThreshold: 5% }]'))).toBe('loaded');
  });

  it('names a behavior for a pod the timeline never creates', () => {
    const text = applying(`behavior:
  web:
    app: { exit: { after: 1s, code: 1 } }
  wbe:
    app: { exit: { after: 1s, code: 1 } }
`);
    expect(errorOf(text)).toBe('fixtures/scenario.yaml:11: behavior.wbe: no pod "default/wbe" in the timeline');
  });

  it('names a behavior for a container the pod does not have', () => {
    const text = applying(`behavior:
  web:
    ap: { sigterm: ignore }
`);
    expect(errorOf(text)).toBe('fixtures/scenario.yaml:10: behavior.web.ap: pod "default/web" has no container "ap"');
  });

  it.each([
    ['../pod.yaml', '"../pod.yaml" is outside the scenario\'s folder'],
    ['manifests/../../pod.yaml', '"manifests/../../pod.yaml" is outside the scenario\'s folder'],
    ['/etc/pod.yaml', '"/etc/pod.yaml" is outside the scenario\'s folder'],
    ['missing.yaml', 'cannot read "missing.yaml": no such file'],
  ])('refuses the manifest path %s', (path, message) => {
    const text = applying(`  - at: 1m
    apply: ${path}
`);
    expect(errorOf(text)).toBe(`fixtures/scenario.yaml:9: timeline[1].apply: ${message}`);
  });

  it('reports YAML syntax errors at their line', () => {
    const text = scenario(`timeline:
  - at: 0s
    apply: [pod.yaml
behavior: {}
`);
    expect(errorOf(text)).toMatch(/^fixtures\/scenario\.yaml:\d+: .+/);
    expect(errorOf(text)).toMatch(/^fixtures\/scenario\.yaml:(7|8): /);
  });

  it('reports an unknown key where it is written', () => {
    const text = applying(`  - at: 1m
    delete: { pod: web, gracePeriod: 5 }
`);
    expect(errorOf(text)).toBe('fixtures/scenario.yaml:9: timeline[1].delete.gracePeriod: unknown key');
  });

  it('reports an unknown top-level key', () => {
    expect(errorOf(scenario('timeline: []\nbehaviour: {}\n'))).toBe('fixtures/scenario.yaml:6: behaviour: unknown key');
  });

  it('asks for exactly one action per timeline step', () => {
    const text = applying(`    delete: { pod: web }
`);
    expect(errorOf(text)).toBe(
      'fixtures/scenario.yaml:6: timeline[0]: needs exactly one of apply, label, annotate, delete, nodeCondition, podCondition, stopKubelet, loseNode, addNode',
    );
  });

  it('names a missing required field', () => {
    expect(errorOf('start: 2026-01-18T08:00:00Z\ntimeline: []\n')).toBe('fixtures/scenario.yaml:1: until: is required');
  });

  it('refuses a bad start, memory quantity and rate', () => {
    expect(errorOf(scenario('timeline: []\n').replace('2026-01-18T08:00:00Z', 'yesterday'))).toBe(
      'fixtures/scenario.yaml:2: start: "yesterday" is not an RFC 3339 time',
    );
    const behavior = (memory: string) =>
      applying(`behavior:
  web:
    app:
      memory: ${memory}
`);
    expect(errorOf(behavior('lots'))).toBe(
      'fixtures/scenario.yaml:11: behavior.web.app.memory: "lots" is not a memory quantity',
    );
    expect(errorOf(behavior('{ grows: 10Mi per second }'))).toBe(
      'fixtures/scenario.yaml:11: behavior.web.app.memory.grows: "10Mi per second" is not a rate like 10Mi/s',
    );
  });

  it('names a bad disk, process count, eviction threshold or emptyDir use with its key and value', () => {
    const behavior = (key: string, value: string) =>
      applying(`behavior:
  web:
    app:
      ${key}: ${value}
`);
    expect(errorOf(behavior('disk', 'lots'))).toBe('fixtures/scenario.yaml:11: behavior.web.app.disk: "lots" is not a disk quantity');
    expect(errorOf(behavior('pids', '-3'))).toBe('fixtures/scenario.yaml:11: behavior.web.app.pids: -3 is not a whole number of processes');
    expect(errorOf(behavior('pids', '{ grows: 20 per second }'))).toBe(
      'fixtures/scenario.yaml:11: behavior.web.app.pids.grows: "20 per second" is not a rate like 50/s',
    );
    const node = (fields: string) => `# a story
start: 2026-01-18T08:00:00Z
until: 5m
nodes: [{ name: node01, ${fields} }]
timeline: []
`;
    expect(errorOf(node('evictionHard: { nodefs.available: 120% }'))).toBe(
      'fixtures/scenario.yaml:4: nodes[0].evictionHard.nodefs.available: eviction percentage threshold nodefs.available must be <= 100%: 120%',
    );
    expect(errorOf(node('evictionHard: { pid.available: "0" }'))).toBe(
      'fixtures/scenario.yaml:4: nodes[0].evictionHard.pid.available: eviction threshold pid.available must be positive: 0',
    );
    expect(errorOf(node('evictionHard: { memory.available: 1Gi }'))).toBe('fixtures/scenario.yaml:4: nodes[0].evictionHard.memory.available: unknown key');
    expect(errorOf(node('diskUsed: plenty'))).toBe('fixtures/scenario.yaml:4: nodes[0].diskUsed: "plenty" is not a disk quantity');
    expect(errorOf(node('pidMax: 0'))).toMatch(/^fixtures\/scenario\.yaml:4: nodes\[0\]\.pidMax: /);
    expect(errorOf(applying('volumes:\n  web:\n    data: { grows: 1Mi/s }\n'))).toBe(
      'fixtures/scenario.yaml:10: volumes.web.data: pod "default/web" has no emptyDir volume "data"',
    );
    expect(errorOf(applying('volumes:\n  api:\n    data: 1Gi\n'))).toBe('fixtures/scenario.yaml:9: volumes.api: no pod "default/api" in the timeline');
  });

  it('names pods, nodes and images the timeline does not know', () => {
    expect(errorOf(scenario('timeline:\n  - at: 1m\n    label: { pod: web, set: { a: b } }\n'))).toBe(
      'fixtures/scenario.yaml:7: timeline[0].label.pod: no pod "default/web" exists at this time (not applied yet, or deleted)',
    );
    expect(errorOf(scenario('timeline:\n  - at: 1m\n    loseNode: node09\n'))).toBe(
      'fixtures/scenario.yaml:7: timeline[0].loseNode: no node "node09"',
    );
    expect(errorOf(applying('images:\n  busybx: { fails: always }\n'))).toBe(
      'fixtures/scenario.yaml:9: images.busybx: no container uses image "busybx"',
    );
  });

  it('refuses a pod condition the kubelet owns, one not named as the API server validates, and one for a missing pod', () => {
    const setting = (type: string) => applying(`  - at: 1m\n    podCondition: { pod: web, type: ${type}, status: "True" }\n`);
    expect(errorOf(setting('Ready'))).toBe(
      'fixtures/scenario.yaml:9: timeline[1].podCondition.type: "Ready" is the kubelet\'s own condition: it would replace it at its next status',
    );
    expect(errorOf(setting('"example.com/lb registered"'))).toMatch(
      /^fixtures\/scenario\.yaml:9: timeline\[1\]\.podCondition\.type: "example\.com\/lb registered" is not a condition type a controller can set: name part must consist of/,
    );
    expect(errorOf(scenario('timeline:\n  - at: 1m\n    podCondition: { pod: web, type: example.com/lb, status: "True" }\n'))).toBe(
      'fixtures/scenario.yaml:7: timeline[0].podCondition.pod: no pod "default/web" exists at this time (not applied yet, or deleted)',
    );
    expect(errorOf(setting('example.com/lb-registered'))).toBe('loaded');
  });

  it('reports an invalid inline manifest at its line in the scenario', () => {
    const text = scenario(`timeline:
  - at: 0s
    apply:
      apiVersion: v1
      kind: Pod
      metadata: { name: web }
      spec:
        containers: nope
`);
    expect(errorOf(text)).toBe('fixtures/scenario.yaml:12: spec.containers: "nope" is not an Array<Container>');
  });

  it('reports an invalid manifest file at its own line, and its unknown fields as warnings', () => {
    const text = scenario('timeline:\n  - at: 0s\n    apply: web.yaml\n');
    const web = (extra: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers:\n  - name: app\n    image: busybox\n${extra}`;
    expect(errorOf(text, { 'web.yaml': web('    resources: { limits: { memory: 12Q } }\n') })).toBe(
      'fixtures/web.yaml:8: spec.containers[0].resources.limits.memory: "12Q" is not a quantity',
    );
    const loaded = loadText(text, { 'web.yaml': web('    bogus: 1\n') });
    expect(E.isRight(loaded) && loaded.right.warnings).toEqual([
      'fixtures/web.yaml:8: unknown field "spec.containers[0].bogus"',
    ]);
  });
});
