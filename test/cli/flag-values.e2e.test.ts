/**
 * Flag values as kubectl v1.36 takes them: `-n ''` is no namespace given (clientcmd client_config.go ::
 * DirectClientConfig.Namespace takes the override only when not empty) and `-n=NS` is NS (pflag); `-o ''` is the
 * default printer; `--chunk-size` any int64 (a size of 0 or below is no paging); a flag that changes nothing here is
 * refused as kubectl refuses `--output-watch-events` without a watch: `--speed` without `-w`, `--types` on pods
 * or nodes.
 */
import { describe, expect, it } from 'vitest';
import { replayed } from './podj.js';

describe('flag values', () => {
  it("-n '' and -n=NS: the namespace as kubectl reads them", () => {
    const { podj } = replayed('crashloop-memleak');
    const plain = podj('get', 'pods');
    expect(plain.stdout).toMatch(/^NAME .*\nmemleak-pod /);
    expect(podj('get', 'pods', '-n', '')).toEqual(plain);
    expect(podj('get', 'pods', '-n=default')).toEqual(plain);
    expect(podj('events', '-n', '').stdout).toBe(podj('events').stdout);
    expect(podj('describe', 'pod', 'memleak-pod', '-n', '').code).toBe(0);
  });

  it("-o '' is the table; --chunk-size -5 lists everything, as a limit below 1 asks for no paging", () => {
    const { podj } = replayed('crashloop-memleak');
    const plain = podj('get', 'pods');
    expect(podj('get', 'pods', '-o', '')).toEqual(plain);
    expect(podj('get', 'pods', '--chunk-size', '-5')).toEqual(plain);
    expect(podj('events', '--chunk-size', '0').stdout).toBe(podj('events').stdout);
    expect(podj('events', '--chunk-size', 'x')).toEqual({ code: 2, stdout: '', stderr: 'error: --chunk-size: "x" is not an integer\n' });
  });

  it('--speed without -w and --types on pods or nodes are refused, not ignored', () => {
    const { podj } = replayed('crashloop-memleak');
    expect(podj('get', 'pods', '--speed', '2')).toEqual({ code: 2, stdout: '', stderr: 'error: --speed option can only be used with --watch or --watch-only\n' });
    expect(podj('get', 'pods', '--types', 'Warning')).toEqual({ code: 2, stdout: '', stderr: 'error: --types: only events have types (Normal, Warning); pods have none\n' });
    expect(podj('get', 'nodes', '--types', 'Normal').code).toBe(2);
    expect(podj('get', 'pods,events', '--types', 'Warning', '--at', '+1m').stdout).toMatch(/\n\nLAST SEEN +TYPE +REASON +OBJECT +MESSAGE\n\S+ +Warning +BackOff /);
  });
});
