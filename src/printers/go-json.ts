/** JSON as Go's `json.MarshalIndent(v, "", "    ")` writes it: 4 spaces, and HTML-sensitive characters escaped. */

/** Go escapes <, >, & and the JavaScript line separators inside strings. */
const goEscapes: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

const escaped = (json: string): string => json.replace(/[<>&\u2028\u2029]/g, (ch) => goEscapes[ch] ?? ch);

export const goJson = (value: unknown): string => escaped(JSON.stringify(value, null, 4));

/** `json.Marshal(v)`: the same on one line. */
export const goJsonLine = (value: unknown): string => escaped(JSON.stringify(value));
