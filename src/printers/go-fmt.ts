/**
 * Go's `fmt` over a decoded JSON value as kubectl holds it (unstructured: integers as int64, other numbers as
 * float64, objects as `map[string]interface {}`, lists as `[]interface {}`).
 */

/** A float64 that is not a JSON number of the object (a literal `4.0` in a JSONPath filter): compared as a float. */
export class GoFloat {
  constructor(readonly value: number) {}
}

/**
 * `%v` of a float64: strconv's shortest digits, in %e form when the exponent is below -4 or at least 6 (fmt's
 * 'g' with the shortest precision decides at precision 6: `fmt.Print(1234567.5)` is `1.2345675e+06`).
 */
export const goFloatText = (n: number): string => {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '+Inf' : '-Inf';
  const [mantissa = '0', exponent = '0'] = n.toExponential().split('e');
  const exp = Number(exponent);
  if (exp >= -4 && exp < 6) return String(n);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
};

/** `%v` of a JSON number: an integer as int64 prints its digits, any other as a float64. */
export const goNumberText = (n: number): string => (Number.isInteger(n) ? String(n) : goFloatText(n));

/** Go's `%v` of a decoded JSON value: maps as `map[k:v]` (keys sorted), slices as `[a b]`, nil as `<nil>`. */
export const goValue = (v: unknown): string => {
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (v instanceof GoFloat) return goFloatText(v.value);
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, x]) => `${k}:${goValue(x)}`).join(' ')}]`;
  }
  if (typeof v === 'number') return goNumberText(v);
  return v === null || v === undefined ? '<nil>' : String(v);
};

/** `%v` of a value's `reflect.Type`, as client-go's errors name it. */
export const goTypeName = (v: unknown): string => {
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof GoFloat) return 'float64';
  if (v !== null && typeof v === 'object') return 'map[string]interface {}';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  return v === null || v === undefined ? '<nil>' : typeof v === 'boolean' ? 'bool' : typeof v;
};
