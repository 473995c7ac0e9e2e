import { describe, expect, it } from 'vitest';
import { processIO } from '../../src/cli/io.js';

describe('processIO', () => {
  it('watches each output stream for a closed pipe with one listener, however often it is called', () => {
    processIO();
    const out = process.stdout.listenerCount('error');
    const err = process.stderr.listenerCount('error');
    for (let i = 0; i < 12; i++) processIO();
    // twelve more listeners would pass EventEmitter's limit of 10 (MaxListenersExceededWarning)
    expect(process.stdout.listenerCount('error')).toBe(out);
    expect(process.stderr.listenerCount('error')).toBe(err);
  });
});
