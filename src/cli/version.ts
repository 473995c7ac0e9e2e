/** The package version, read once from the package.json above this code (built or bundled): it versions snapshots. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest package.json named podjournal, walking up from this module's folder. */
const packageJsonPath = (): string | undefined => {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && /"name":\s*"podjournal"/.test(readFileSync(candidate, 'utf8'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
};

let cached: string | undefined;

/** Read once per process: every snapshot read and write asks for it. */
export const packageVersion = (): string => (cached ??= readVersion());

const readVersion = (): string => {
  const path = packageJsonPath();
  const parsed: unknown = path === undefined ? undefined : JSON.parse(readFileSync(path, 'utf8'));
  const version = typeof parsed === 'object' && parsed !== null ? (parsed as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : '0.0.0';
};
