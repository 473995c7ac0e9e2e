/**
 * The other resources a journal holds, through the built binary: `get nodes` (printers.go :: printNode, with
 * the taints node_lifecycle_controller.go derives from conditions), `get events` (printers.go :: printEvent),
 * `top pods` (kubectl top_pod.go), over the memory-pressure and node-lost sample incidents.
 */
import { describe, expect, it } from 'vitest';
import { sample, workspace } from './podj.js';


describe('get nodes', () => {
  it("kubectl's columns, conditions and pressure taints at an instant", () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    const table = podj('get', 'nodes', '--at', '+1m');
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\nnode01\s+Ready\s+<none>\s+60s\s*\n$/);
    const wide = podj('get', 'nodes', '-o', 'wide', '--no-headers', '--at', '+1m');
    expect(wide.stdout).toMatch(/^node01\s+Ready\s+<none>\s+60s\s+10\.0\.0\.10\s+<none>\s+<unknown>\s+<unknown>\s+<unknown>\n$/);
    const taints = (at: string): string => podj('get', 'nodes', '--at', at, '-o', 'jsonpath={.items[0].spec.taints[*].key}').stdout;
    expect(taints('+10s')).toBe('');
    expect(taints('+2m30s')).toBe('node.kubernetes.io/memory-pressure');
    expect(podj('get', 'nodes', '--at', '+2m30s', '-o', 'jsonpath={.items[0].status.conditions[?(@.type=="MemoryPressure")].status}').stdout).toBe('True');
  });

  it('a node that stops reporting reads NotReady with the unreachable NoExecute taint', () => {
    const { podj } = workspace();
    podj('replay', sample('node-lost'));
    const r = podj('get', 'nodes', '-o', 'custom-columns=NAME:.metadata.name,TAINTS:.spec.taints[*].key');
    expect(r.stdout).toMatch(/node\.kubernetes\.io\/unreachable/);
    expect(podj('get', 'nodes').stdout).toMatch(/\sNotReady\s/);
  });
});

describe('get events', () => {
  it("kubectl's LAST SEEN TYPE REASON OBJECT MESSAGE, --types, and -A with NAMESPACE", () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    const all = podj('get', 'events');
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n/);
    expect(all.stdout).toMatch(/\n\S+\s+Normal\s+Scheduled\s+pod\/qos-demo\s+Successfully assigned default\/qos-demo to node01/);
    const warnings = podj('get', 'events', '--types', 'Warning', '--no-headers').stdout.trimEnd().split('\n');
    expect(warnings.every((l) => /^\S+\s+Warning\s/.test(l))).toBe(true);
    expect(warnings.some((l) => /Evicted\s+pod\/qos-demo-3\s+The node was low on resource: memory/.test(l))).toBe(true);
    expect(podj('get', 'events', '-A').stdout).toMatch(/^NAMESPACE\s+LAST SEEN\s+TYPE/);
    expect(podj('get', 'events', '-n', 'elsewhere').stderr).toBe('No resources found in elsewhere namespace.\n');
    // kubectl events' --types (events.go :: Validate, filterByTypes): either type in any case, else its words
    expect(podj('get', 'events', '--types', 'warning', '--no-headers').stdout.trimEnd().split('\n')).toEqual(warnings);
    expect(podj('get', 'events', '--types', 'WARNING,normal').stdout).toBe(all.stdout);
    expect(podj('get', 'events', '--types', 'Error')).toMatchObject({ code: 2, stdout: '', stderr: 'error: valid --types are Normal or Warning\n' });
  });

  it("names each Event as a recorder does, <object>.<first occurrence in hex Unix nanoseconds> (client-go record :: makeEvent)", () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    const list = JSON.parse(podj('get', 'events', '-o', 'json').stdout) as { items: { metadata: { name: string }; involvedObject: { name: string }; firstTimestamp: string }[] };
    const names = list.items.map((e) => e.metadata.name);
    expect(new Set(names).size).toBe(names.length);
    for (const e of list.items) {
      const [object, hex] = [e.metadata.name.slice(0, e.metadata.name.lastIndexOf('.')), e.metadata.name.slice(e.metadata.name.lastIndexOf('.') + 1)];
      expect(object).toBe(e.involvedObject.name);
      expect(Number(BigInt(`0x${hex}`) / 1_000_000_000n) * 1000).toBe(Date.parse(e.firstTimestamp));
    }
    // -o wide adds SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME (printEvent's priority-1 columns), NAME last.
    const wide = podj('get', 'events', '-o', 'wide').stdout.trimEnd().split('\n');
    expect(wide[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+SUBOBJECT\s+SOURCE\s+MESSAGE\s+FIRST SEEN\s+COUNT\s+NAME$/);
    expect(wide.slice(1).map((l) => l.split(/\s+/).at(-1))).toEqual(names);
    expect(wide.some((l) => /\sKilling\s+pod\/qos-demo-3\s+spec\.containers\{\S+\}\s+kubelet, node01\s/.test(l))).toBe(true);
  });
});

describe('top pods', () => {
  it('memory from the newest usage samples at T, summed per pod', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    const r = podj('top', 'pods', '--at', '+2m');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*\n/);
    expect(r.stdout).toMatch(/\nqos-demo-3\s+<unknown>\s+\d+Mi\s*\n/);
    // kubectl's habits: --sort-by memory (largest first), one pod by name, NotFound for a pod without metrics.
    const byMemory = podj('top', 'pods', '--at', '+2m', '--sort-by', 'memory', '--no-headers').stdout.trimEnd().split('\n');
    const mebibytes = byMemory.map((l) => Number(/(\d+)Mi\s*$/.exec(l)?.[1]));
    expect(mebibytes).toEqual([...mebibytes].sort((a, b) => b - a));
    expect(byMemory[0]).toMatch(/^qos-demo-3\s/);
    expect(podj('top', 'pods', 'qos-demo-3', '--at', '+2m', '--no-headers').stdout).toMatch(/^qos-demo-3\s+<unknown>\s+\d+Mi\s*\n$/);
    // metrics-server: a pod it does not list is its pod lister's NotFound; one without metrics, the podmetrics'
    const missing = podj('top', 'pods', 'nope', '--at', '+2m');
    expect([missing.code, missing.stderr]).toEqual([1, 'Error from server (NotFound): pods "nope" not found\n']);
    const unsampled = podj('top', 'pods', 'qos-demo-3', '--at', '+0s');
    expect([unsampled.code, unsampled.stderr]).toEqual([1, 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/qos-demo-3" not found\n']);
    expect(podj('top', 'pods', '--sort-by', 'disk').stderr).toBe('error: --sort-by accepts only cpu or memory\n');
    // top_pod.go :: verifyEmptyMetrics: no pod has metrics, and none is older than metricsCreationDelay (2m)
    expect(podj('top', 'pods', '--at', '+0s')).toEqual({ code: 1, stdout: '', stderr: 'error: metrics not available yet\n' });
  });

  // kubectl top_pod_test.go :: TestTopPodNoResourcesFound: no metrics and no pods listed is no error (RunTopPod).
  it('no pods at all: "No resources found", exit 0, nothing on stdout', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    expect(podj('top', 'pods', '-n', 'testns', '--at', '+2m')).toEqual({ code: 0, stdout: '', stderr: 'No resources found in testns namespace.\n' });
    expect(podj('top', 'pods', '-A', '-l', 'app=none', '--at', '+2m')).toEqual({ code: 0, stdout: '', stderr: 'No resources found\n' });
  });

  // top_pod.go :: verifyEmptyMetrics → checkPodAge: pods, none with metrics, one older than metricsCreationDelay (2m)
  it('pods without any usage sample: the first one listed older than 2 minutes is named with its age', () => {
    const { podj } = workspace();
    podj('replay', sample('bad-image'));
    expect(podj('top', 'pods', '--at', '+5m')).toEqual({ code: 1, stdout: '', stderr: 'error: Metrics not available for pod default/bad-pod, age: 5m0s\n' });
    expect(podj('top', 'pods', '--at', '+1m')).toEqual({ code: 1, stdout: '', stderr: 'error: metrics not available yet\n' });
    // with -A the pods looked at are still the context namespace's (verifyEmptyMetrics lists o.Namespace's)
    expect(podj('top', 'pods', '-A', '--at', '+5m')).toEqual({ code: 1, stdout: '', stderr: 'error: Metrics not available for pod default/bad-pod, age: 5m0s\n' });
    expect(podj('top', 'pods', '-A', '-n', 'elsewhere', '--at', '+5m')).toEqual({ code: 0, stdout: '', stderr: 'No resources found\n' });
  });

  // top_pod.go v0.36.3: --field-selector, parsed by kubectl (fields.ParseSelector), sent to metrics-server, which
  // matches a pod's metadata.name and metadata.namespace alone (pkg/api/filter.go :: filterPartialObjectMetadata);
  // with no metrics, verifyEmptyMetrics lists the pods from the API server, which converts the field labels
  it('--field-selector: metrics-server reads metadata alone; the API server refuses a field pods have not', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    const top = (...args: string[]) => podj('top', 'pods', '--at', '+2m30s', '--no-headers', ...args);
    const names = (args: string[]): string[] => top(...args).stdout.trimEnd().split('\n').map((l) => l.split(/\s+/)[0] ?? '');
    expect(names(['--field-selector', 'metadata.name=qos-demo-3'])).toEqual(['qos-demo-3']);
    expect(names(['--field-selector', 'metadata.namespace==default,metadata.name!=qos-demo'])).toEqual(['qos-demo-2', 'qos-demo-3']);
    // a status field reads as empty to metrics-server: != keeps every pod
    expect(names(['--field-selector', 'status.phase!=Failed'])).toEqual(['qos-demo', 'qos-demo-2', 'qos-demo-3']);
    expect(names(['--field-selector', 'spec.foo!=x'])).toEqual(['qos-demo', 'qos-demo-2', 'qos-demo-3']);
    // = keeps none: then the pods the API server lists, the first older than 2m named
    expect(top('--field-selector', 'spec.nodeName=node01')).toEqual({ code: 1, stdout: '', stderr: 'error: Metrics not available for pod default/qos-demo, age: 2m30s\n' });
    expect(top('--field-selector', 'spec.nodeName=elsewhere')).toEqual({ code: 0, stdout: '', stderr: 'No resources found in default namespace.\n' });
    expect(top('--field-selector', 'spec.foo=x')).toEqual({ code: 2, stdout: '', stderr: 'Error from server (BadRequest): field label not supported: spec.foo\n' });
    expect(top('--field-selector', 'x')).toEqual({ code: 2, stdout: '', stderr: "error: invalid selector: 'x'; can't understand 'x'\n" });
    // TopPodOptions.Validate: a NAME with a selector, label or field; an empty one is none
    const both = { code: 2, stdout: '', stderr: 'error: only one of NAME or selector can be provided\n' };
    expect(top('qos-demo-3', '--field-selector', 'metadata.name=qos-demo-3')).toEqual(both);
    expect(top('qos-demo-3', '-l', 'app=x')).toEqual(both);
    expect(top('qos-demo-3', '-l', '').stdout).toMatch(/^qos-demo-3\s/);
    // top node has no --field-selector
    expect(podj('top', 'nodes', '--field-selector', 'metadata.name=node01')).toEqual({ code: 2, stdout: '', stderr: 'error: unknown flag: --field-selector\n' });
  });

  it('-l as labels.Parse reads it: its error in its own words (top_pod.go :: RunTopPod)', () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    expect(podj('top', 'pods', '-l', 'app in (web', '--at', '+2m')).toEqual({ code: 2, stdout: '', stderr: "error: unable to parse requirement: found '', expected: ',' or ')'\n" });
    expect(podj('top', 'pods', 'qos-demo', '-l', 'app=web')).toEqual({ code: 2, stdout: '', stderr: 'error: only one of NAME or selector can be provided\n' });
  });
});

// top_node.go :: RunTopNode over a journal, which holds no node usage: metrics-server answers as it does without any
describe('top nodes', () => {
  it("metrics-server's answers: none listed, a node without metrics, a node it does not know; and kubectl's validation", () => {
    const { podj } = workspace();
    podj('replay', sample('memory-pressure'));
    expect(podj('top', 'nodes')).toEqual({ code: 1, stdout: '', stderr: 'error: metrics not available yet\n' });
    expect(podj('top', 'node', '-l', 'kubernetes.io/os=linux')).toEqual({ code: 1, stdout: '', stderr: 'error: metrics not available yet\n' });
    expect(podj('top', 'node', 'node01')).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): nodemetrics.metrics.k8s.io "node01" not found\n' });
    expect(podj('top', 'no', 'nope')).toEqual({ code: 1, stdout: '', stderr: 'Error from server (NotFound): node "nope" not found\n' });
    expect(podj('top', 'nodes', 'node01', '-l', 'a=b')).toEqual({ code: 2, stdout: '', stderr: 'error: only one of NAME or --selector can be provided\n' });
    expect(podj('top', 'nodes', '--sort-by', 'disk')).toEqual({ code: 2, stdout: '', stderr: 'error: --sort-by accepts only cpu or memory\n' });
    expect(podj('top', 'nodes', '-l', 'a in (b')).toEqual({ code: 2, stdout: '', stderr: "error: unable to parse requirement: found '', expected: ',' or ')'\n" });
  });
});
