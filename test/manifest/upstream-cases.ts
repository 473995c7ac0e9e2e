/**
 * Kubernetes' validation cases as data: a case's manifest is loaded as `podj apply` loads it, and its one error
 * line must carry upstream's `field.ErrorType` and field (the API server's `field.Error` form) and, where upstream
 * asserts one, a phrase of the detail.
 */
import { expect } from 'vitest';
import { errorLine } from './load-helpers.js';

/** The API server's words for each `field.ErrorType`. */
export const typeWords = {
  Invalid: 'Invalid value',
  Required: 'Required value',
  Duplicate: 'Duplicate value',
  NotSupported: 'Unsupported value',
  NotFound: 'Not found',
  Forbidden: 'Forbidden',
} as const;

export interface ErrorCase {
  readonly name: string;
  readonly spec: Record<string, unknown>;
  readonly metadata?: Record<string, unknown>;
  readonly type: keyof typeof typeWords;
  readonly field: string;
  readonly detail?: string;
}

export const podManifest = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'p' }): string =>
  JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata, spec });

/** One container `c` with these fields. */
export const withContainer = (fields: Record<string, unknown>): Record<string, unknown> => ({ containers: [{ name: 'c', image: 'image', ...fields }] });

/** The error line without its `file:line: ` prefix. */
export const refusal = (spec: Record<string, unknown>, metadata?: Record<string, unknown>): string =>
  errorLine(podManifest(spec, metadata)).replace(/^pod\.yaml:\d+: /, '');

export const expectRefused = ({ spec, metadata, type, field, detail }: ErrorCase): void => {
  const line = refusal(spec, metadata);
  expect(line.startsWith(`${field}: ${typeWords[type]}`), line).toBe(true);
  if (detail !== undefined) expect(line).toContain(detail);
};
