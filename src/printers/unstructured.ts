/**
 * An object as kubectl prints it with `-o json|yaml|jsonpath|custom-columns`: `kubectl get` reads every object
 * as `unstructured.Unstructured` (`get.go :: Run`, `Builder.Unstructured()`), a `map[string]interface{}`, so
 * `json.Marshal` writes every object's keys sorted (Go's `encoding/json` sorts map keys by their bytes), whatever
 * order the API server wrote the fields in (its struct order).
 */
import { compareStrings } from './go-sort.js';

export const unstructured = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(unstructured);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).sort(([a], [b]) => compareStrings(a, b));
  return Object.fromEntries(entries.map(([key, v]) => [key, unstructured(v)]));
};
