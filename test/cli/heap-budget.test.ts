import { describe, expect, it } from 'vitest';
import { heapBudget } from '../../src/cli/heap-budget.js';

const ticks = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('heapBudget', () => {
  it('asks for a full collection once the heap in use passes its budget, and stops when told', async () => {
    const budget = heapBudget({ heapMiB: 1, rssMiB: 1 << 20, rssHeadroomMiB: 0, everyMs: 5 });
    await ticks(60);
    budget.stop();
    const after = budget.collections();
    expect(after).toBeGreaterThan(0);
    await ticks(30);
    expect(budget.collections()).toBe(after);
  });

  it('asks for one when the resident set passes its budget', async () => {
    const budget = heapBudget({ heapMiB: 1 << 20, rssMiB: 1, rssHeadroomMiB: 0, everyMs: 5 });
    await ticks(60);
    budget.stop();
    expect(budget.collections()).toBeGreaterThan(0);
  });

  it('asks for none while both are within budget', async () => {
    const budget = heapBudget({ heapMiB: 1 << 20, rssMiB: 1 << 20, rssHeadroomMiB: 0, everyMs: 5 });
    await ticks(60);
    budget.stop();
    expect(budget.collections()).toBe(0);
  });
});
