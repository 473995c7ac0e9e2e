/**
 * A pod the journal does not have is answered as kubectl answers for one the API server does not have:
 * `Error from server (NotFound): pods "NAME" not found`, exit 1 (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go
 * :: CheckErr prints the StatusError's "Error from server (NotFound): …" and exits 1).
 */
import { describe, expect, it } from 'vitest';
import { realFixture, workspace } from './podj.js';

const crashLoop = realFixture('crash-loop-pods.json');

describe('a pod not in the journal', () => {
  it.each([
    ['describe', ['describe', 'pod', 'nope', '-n', 'crash-demo']],
    ['timeline', ['timeline', 'pod', 'nope', '-n', 'crash-demo']],
    ['get', ['get', 'pods', 'nope', '-n', 'crash-demo']],
    ['describe before its creation', ['describe', 'pod', 'flaky-worker-897c5486c-lfk2f', '-n', 'crash-demo', '--at', '2020-01-01T00:00:00Z']],
  ])('%s: kubectl NotFound, exit 1', (_, args) => {
    const { podj } = workspace();
    expect(podj('import', crashLoop).code).toBe(0);
    const r = podj(...args);
    const name = args[2] ?? '';
    // An --at before the journal's first event is also warned about (issue 15), on the line before.
    const stderr = r.stderr.replace(/^warning: --at .*\n/, '');
    expect({ code: r.code, stderr }).toEqual({ code: 1, stderr: `Error from server (NotFound): pods "${name}" not found\n` });
  });
});
