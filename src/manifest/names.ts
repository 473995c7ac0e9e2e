/**
 * The API server's name, label and port checks with their messages
 * (`k8s.io/apimachinery/pkg/util/validation`, `pkg/api/validate/content`). Each returns the problems found.
 */

/** `RegexError`: the message, examples, and the regular expression. */
const regexError = (msg: string, fmt: string, ...examples: string[]): string =>
  examples.length === 0
    ? `${msg} (regex used for validation is '${fmt}')`
    : `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;

const maxLenError = (length: number): string => `must be no more than ${length} characters`;

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123Label = new RegExp(`^${dns1123LabelFmt}$`);
const dns1123Subdomain = new RegExp(`^${dns1123SubdomainFmt}$`);

export const isDNS1123Label = (value: string): string[] => {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLenError(63));
  if (!dns1123Label.test(value)) {
    errs.push(
      dns1123Subdomain.test(value)
        ? 'must not contain dots'
        : regexError(
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
            dns1123LabelFmt,
            'my-name',
            '123-abc',
          ),
    );
  }
  return errs;
};

/** The shared shape of these checks: a length limit, then a pattern with its explanation. */
const lengthAndPattern = (value: string, max: number, pattern: RegExp, explanation: string): string[] => [
  ...(value.length > max ? [maxLenError(max)] : []),
  ...(pattern.test(value) ? [] : [explanation]),
];

export const isDNS1123Subdomain = (value: string): string[] =>
  lengthAndPattern(
    value,
    253,
    dns1123Subdomain,
    regexError(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
      dns1123SubdomainFmt,
      'example.com',
    ),
  );

/** `dns1123LabelFmtWithUnderscore`: a label that may start with one underscore and hold more inside. */
const dns1123LabelFmtWithUnderscore = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmtWithUnderscore = `${dns1123LabelFmtWithUnderscore}(\\.${dns1123LabelFmtWithUnderscore})*`;
const dns1123SubdomainWithUnderscore = new RegExp(`^${dns1123SubdomainFmtWithUnderscore}$`);

/** `IsDNS1123SubdomainWithUnderscore` (pod DNS search domains, gate `RelaxedDNSSearchValidation`). */
export const isDNS1123SubdomainWithUnderscore = (value: string): string[] =>
  lengthAndPattern(
    value,
    253,
    dns1123SubdomainWithUnderscore,
    regexError(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character",
      dns1123SubdomainFmtWithUnderscore,
      'example.com',
    ),
  );

/**
 * `apimachinery/pkg/api/validation :: NameIsDNSSubdomain`: as a prefix (a `generateName`, an `envFrom` source
 * name checked with `prefix` true) a trailing dash is allowed, since more characters follow (`maskTrailingDash`).
 */
export const nameIsDNSSubdomain = (name: string, prefix: boolean): string[] =>
  isDNS1123Subdomain(prefix && name.length > 1 && name.endsWith('-') ? `${name.slice(0, -1)}a` : name);

const labelKeyFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const labelKey = new RegExp(`^${labelKeyFmt}$`);
const labelKeyErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** `IsLabelKey` (also the "qualified name" of annotation keys): an optional DNS subdomain prefix, `/`, a name. */
export const isQualifiedName = (value: string): string[] => {
  const parts = value.split('/');
  const errs: string[] = [];
  let name: string;
  if (parts.length === 1) name = parts[0] ?? '';
  else if (parts.length === 2) {
    const prefix = parts[0] ?? '';
    name = parts[1] ?? '';
    if (prefix === '') errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [
      `a valid label key ${regexError(labelKeyErrMsg, labelKeyFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name === '') errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!labelKey.test(name)) errs.push(`name part ${regexError(labelKeyErrMsg, labelKeyFmt, 'MyName', 'my.name', '123-abc')}`);
  return errs;
};

const labelValueFmt = `(${labelKeyFmt})?`;
const labelValue = new RegExp(`^${labelValueFmt}$`);

export const isLabelValue = (value: string): string[] =>
  lengthAndPattern(
    value,
    63,
    labelValue,
    regexError(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
      labelValueFmt,
      'MyValue',
      'my_value',
      '12345',
    ),
  );

/** `IsValidPortNum`. */
export const isValidPortNum = (port: number): string[] => (port >= 1 && port <= 65535 ? [] : ['must be between 1 and 65535, inclusive']);

/** `IsValidPortName`. */
export const isValidPortName = (port: string): string[] => {
  const errs: string[] = [];
  if (port.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.startsWith('-') || port.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
};
