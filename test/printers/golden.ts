/** Golden files: expected output committed under test/printers/golden/, rewritten with UPDATE_GOLDEN=1. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const dir = fileURLToPath(new URL('./golden/', import.meta.url));

export const expectGolden = (name: string, actual: string): void => {
  const path = `${dir}${name}`;
  if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
};
