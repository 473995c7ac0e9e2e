/** describePod: golden files for whole pods, and the layout rules they rely on. */
import { describe, expect, it } from 'vitest';
import { describePod } from '../../src/printers/describe-pod.js';
import { describeProbe } from '../../src/printers/describe-containers.js';
import { kubeEventsFor } from '../../src/printers/kube-events.js';
import { tabwrite } from '../../src/printers/tabwriter.js';
import { NOW } from './fixtures.js';
import { expectGolden } from './golden.js';
import { richPod, terminatingPod } from './describe-pods.js';
import { ev } from './journal.js';

const events = kubeEventsFor([
  ev(720, 'PodBound', 'scheduler', { node: 'node-a' }),
  ev(719, 'ImagePulled', 'runtime', { container: 'app', image: 'example/web:1.4.2', alreadyPresent: true }),
  ev(540, 'ContainerCreated', 'runtime', { container: 'app', containerID: 'containerd://a0' }),
  ev(540, 'ContainerStarted', 'runtime', { container: 'app', containerID: 'containerd://a0' }),
  ev(300, 'ProbeExecuted', 'prober', { container: 'app', probe: 'liveness', outcome: 'failure', output: 'HTTP probe failed with statuscode: 503' }),
  ev(290, 'ProbeExecuted', 'prober', { container: 'app', probe: 'liveness', outcome: 'failure', output: 'HTTP probe failed with statuscode: 503' }),
  ev(280, 'ProbeExecuted', 'prober', { container: 'app', probe: 'liveness', outcome: 'failure', output: 'HTTP probe failed with statuscode: 503' }),
  ev(280, 'ContainerKilling', 'kubelet', { container: 'app', reason: 'LivenessProbeFailed', message: '', gracePeriodSeconds: 30 }),
  ev(240, 'ImagePulled', 'runtime', { container: 'app', image: 'example/web:1.4.2', alreadyPresent: true }),
  ev(240, 'ContainerCreated', 'runtime', { container: 'app', containerID: 'containerd://a3' }),
  ev(240, 'ContainerStarted', 'runtime', { container: 'app', containerID: 'containerd://a3' }),
]);

describe('describePod', () => {
  it('golden: a running pod with init containers, a sidecar, probes, env, mounts, volumes and events', () => {
    expectGolden('describe-rich.txt', describePod(richPod, events, NOW));
  });

  it('golden: a pod being deleted, with no events', () => {
    expectGolden('describe-terminating.txt', describePod(terminatingPod, [], NOW));
  });

  it('aligns the header block, and starts new blocks after lines without a tab', () => {
    const lines = describePod(richPod, [], NOW).split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Name:             web-7d4b9c-x2x7q',
      'Namespace:        shop',
      'Priority:         0',
      'Service Account:  default',
    ]);
    expect(lines).toContain('Labels:           app=web');
    expect(lines).toContain('                  pod-template-hash=7d4b9c');
    expect(lines).toContain('  IP:           10.244.1.23');
    expect(lines).toContain('Controlled By:  ReplicaSet/web-7d4b9c');
  });

  it('shows Terminating with how long it lasts, and Events: <none>', () => {
    const text = describePod(terminatingPod, [], NOW);
    expect(text).toContain('Status:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n');
    expect(text.endsWith('Tolerations:        <none>\nEvents:             <none>\n')).toBe(true);
  });

  it('prints repeated events as "x3 over", prefixed with the container field path', () => {
    const text = describePod(richPod, events, NOW);
    expect(text).toContain('  Warning  Unhealthy  4m40s (x3 over 5m)  kubelet            spec.containers{app}: Liveness probe failed: HTTP probe failed with statuscode: 503\n');
    expect(text).toContain('  Normal   Scheduled  12m                 default-scheduler  Successfully assigned default/web to node-a\n');
  });

  it('prints seccomp profiles and topology spread constraints where kubectl does', () => {
    const secured = {
      ...terminatingPod,
      spec: {
        ...terminatingPod.spec,
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        containers: [{ name: 'worker', image: 'busybox', securityContext: { seccompProfile: { type: 'Localhost', localhostProfile: 'profiles/audit.json' } } }],
        topologySpreadConstraints: [
          { topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', maxSkew: 1, labelSelector: { matchLabels: { app: 'batch' } } },
          { topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 2 },
        ],
      },
    };
    const text = describePod(secured, [], NOW);
    expect(text).toContain('Termination Grace Period:  30s\nSeccompProfile:            RuntimeDefault\nIP:  ');
    expect(text).toMatch(/\n {4}Host Port: +<none>\n {4}SeccompProfile: +Localhost\n {6}LocalhostProfile: +profiles\/audit\.json\n/);
    expect(text).toContain(
      'Topology Spread Constraints:  kubernetes.io/hostname:ScheduleAnyway when max skew 2 is exceeded\n' +
        '                              zone:DoNotSchedule when max skew 1 is exceeded for selector app=batch\n',
    );
  });
});

describe('describeProbe', () => {
  it.each([
    [{ exec: { command: ['test', '-e', '/tmp/healthy'] } }, 'exec [test -e /tmp/healthy] delay=0s timeout=1s period=10s #success=1 #failure=3'],
    [{ httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 3 }, 'http-get http://:8080/healthz delay=3s timeout=1s period=10s #success=1 #failure=3'],
    [{ httpGet: { path: '/', port: 'http', host: '::1', scheme: 'HTTPS' } }, 'http-get https://[::1]:http/ delay=0s timeout=1s period=10s #success=1 #failure=3'],
    [{ tcpSocket: { port: 8080 }, periodSeconds: 5, failureThreshold: 6 }, 'tcp-socket :8080 delay=0s timeout=1s period=5s #success=1 #failure=6'],
    [{ grpc: { port: 9000 } }, 'grpc <pod>:9000  delay=0s timeout=1s period=10s #success=1 #failure=3'],
  ])('%j', (probe, want) => {
    expect(describeProbe(probe)).toBe(want);
  });
});

describe('tabwrite (Go text/tabwriter)', () => {
  it('aligns column blocks of consecutive lines; a line without a tab ends the block', () => {
    const text = 'a:\tx\nlonger:\ty\nbreak\nb:\tz\n';
    expect(tabwrite(text, { minwidth: 0, padding: 2 })).toBe('a:       x\nlonger:  y\nbreak\nb:  z\n');
  });
  it('pads empty cells and never the last cell of a line', () => {
    expect(tabwrite('\tv1\nkey:\tv2\t\n', { minwidth: 0, padding: 2 })).toBe('      v1\nkey:  v2  \n');
  });
  it('a shorter line splits a nested column into two blocks', () => {
    expect(tabwrite('a\tb\tc\nx\ty\nlong\tlonger\tz\n', { minwidth: 0, padding: 1 })).toBe('a    b c\nx    y\nlong longer z\n');
  });
  it('counts runes as Go does: a surrogate pair is one, a lone surrogate one, an accented letter one', () => {
    expect(tabwrite('é😀\tx\nabc\ty\n\ud800d\tz\n', { minwidth: 0, padding: 1 })).toBe('é😀  x\nabc y\n\ud800d  z\n');
  });
});
