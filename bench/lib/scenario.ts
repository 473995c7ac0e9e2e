/**
 * The scenarios the simulation figures run (`docs/scenarios.md`), written as text, deterministic:
 * - `clusterHour`: one hour of 100 pods on 4 nodes, each with readiness and liveness probes, a third of them
 *   failing in some way (crash loops, OOM kills, liveness failures, a registry outage), some deleted;
 * - `widePod(n)`: one pod with `n` containers, each probed, for two simulated minutes (issue 14 item 7:
 *   the engine's time must grow linearly with a pod's containers).
 */
const PODS = 100;
const NODES = 4;

const container = (name: string, image: string, memoryLimit?: string): string[] => [
  `          - name: ${name}`,
  `            image: ${image}`,
  ...(memoryLimit === undefined ? [] : [`            resources: { limits: { memory: ${memoryLimit} } }`]),
  `            readinessProbe: { httpGet: { path: /ready, port: 8080 }, periodSeconds: 10 }`,
  `            livenessProbe: { httpGet: { path: /healthz, port: 8080 }, initialDelaySeconds: 15, periodSeconds: 20 }`,
];

const pod = (name: string, containers: string[][]): string[] => [
  `      - apiVersion: v1`,
  `        kind: Pod`,
  `        metadata: { name: ${name}, labels: { app: ${name.replace(/-\d+$/, '')} } }`,
  `        spec:`,
  `          containers:`,
  ...containers.flat().map((l) => `  ${l.slice(2)}`),
];

/** What the pod `k` of the hour does: most run quietly; the others fail in one of four ways. */
const fateOf = (k: number): 'quiet' | 'crash' | 'oom' | 'liveness' | 'outage' => (['quiet', 'quiet', 'crash', 'quiet', 'oom', 'quiet', 'liveness', 'quiet', 'outage'] as const)[k % 9] ?? 'quiet';

export const clusterHour = (): string => {
  const names = Array.from({ length: PODS }, (_, k) => `app-${k}`);
  const apply = (from: number, to: number, at: string): string[] => [
    `  - at: ${at}`,
    `    apply:`,
    `      apiVersion: v1`,
    `      kind: List`,
    `      items:`,
    ...names.slice(from, to).flatMap((name, i) => {
      const fate = fateOf(from + i);
      return pod(name, [container('app', fate === 'outage' ? 'registry.example.com/app:2' : 'app:1', fate === 'oom' ? '256Mi' : undefined)]);
    }),
  ];
  const behavior = names.flatMap((name, k) => {
    switch (fateOf(k)) {
      case 'crash':
        return [`  ${name}:`, `    app:`, `      exit: { after: ${30 + (k % 7) * 10}s, code: 1 }`];
      case 'oom':
        return [`  ${name}:`, `    app:`, `      memory: { grows: ${1 + (k % 4)}Mi/s, from: 64Mi }`];
      case 'liveness':
        return [`  ${name}:`, `    app:`, `      liveness:`, `        - fail: { fromStart: ${5 + (k % 5)}m }`];
      default:
        return [];
    }
  });
  const deletes = names.filter((_, k) => k % 10 === 5).map((name, i) => [`  - at: ${20 + i * 3}m`, `    delete: { pod: ${name} }`]);
  return [
    'start: 2026-03-14T00:00:00Z',
    'until: 1h',
    'nodes:',
    ...Array.from({ length: NODES }, (_, n) => `  - name: node-${n}\n    capacity: { cpu: "32", memory: 64Gi, pods: "110" }`),
    'timeline:',
    ...apply(0, 60, '0s'),
    ...apply(60, PODS, '5m'),
    ...deletes.flat(),
    'images:',
    '  registry.example.com/app:2: { failsUntil: 10m, message: "503 Service Unavailable" }',
    'behavior:',
    ...behavior,
    '',
  ].join('\n');
};

export const widePod = (containers: number): string =>
  [
    'start: 2026-03-14T00:00:00Z',
    'until: 2m',
    'nodes:',
    '  - name: node-0',
    '    capacity: { cpu: "512", memory: 1Ti, pods: "110" }',
    'timeline:',
    '  - at: 0s',
    '    apply:',
    '      apiVersion: v1',
    '      kind: List',
    '      items:',
    ...pod(
      'wide',
      Array.from({ length: containers }, (_, k) => container(`c${k}`, 'app:1')),
    ),
    '',
  ].join('\n');
