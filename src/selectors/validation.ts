/**
 * Label key and value validation with Kubernetes' messages: `apimachinery/pkg/util/validation ::
 * IsQualifiedName, IsDNS1123Subdomain, IsValidLabelValue` and the `field.Invalid` error line.
 */

const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const qualifiedNameErrMsg =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const qualifiedNameMaxLength = 63;
const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1123SubdomainErrMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const dns1123SubdomainMaxLength = 253;
const labelValueFmt = `(${qualifiedNameFmt})?`;
const labelValueErrMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const labelValueMaxLength = 63;

const whole = (fmt: string): RegExp => new RegExp(`^${fmt}$`);
const qualifiedName = whole(qualifiedNameFmt);
const dns1123Subdomain = whole(dns1123SubdomainFmt);
const labelValue = whole(labelValueFmt);

const emptyError = 'must be non-empty';
const maxLenError = (n: number): string => `must be no more than ${n} characters`;
/** `RegexError`: the message, the examples, and the pattern. */
const regexError = (msg: string, fmt: string, ...examples: string[]): string =>
  examples.length === 0
    ? `${msg} (regex used for validation is '${fmt}')`
    : `${msg} (e.g. ${examples.map((e) => `'${e}', `).join('or ')}regex used for validation is '${fmt}')`;

const isDNS1123Subdomain = (value: string): string[] => [
  ...(value.length > dns1123SubdomainMaxLength ? [maxLenError(dns1123SubdomainMaxLength)] : []),
  ...(dns1123Subdomain.test(value) ? [] : [regexError(dns1123SubdomainErrMsg, dns1123SubdomainFmt, 'example.com')]),
];

/** The problems of a label key (`IsQualifiedName`); empty when valid. */
export const labelKeyErrors = (value: string): string[] => {
  const parts = value.split('/');
  const [first, second] = parts;
  if (parts.length > 2 || first === undefined) {
    return [
      `a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}` +
        " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  const errs: string[] = [];
  const name = second ?? first;
  if (second !== undefined) {
    if (first === '') errs.push(`prefix part ${emptyError}`);
    else errs.push(...isDNS1123Subdomain(first).map((m) => `prefix part ${m}`));
  }
  if (name === '') errs.push(`name part ${emptyError}`);
  else if (name.length > qualifiedNameMaxLength) errs.push(`name part ${maxLenError(qualifiedNameMaxLength)}`);
  if (!qualifiedName.test(name)) {
    errs.push(`name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
  }
  return errs;
};

/** The problems of a label value (`IsValidLabelValue`); empty when valid. */
export const labelValueErrors = (value: string): string[] => [
  ...(value.length > labelValueMaxLength ? [maxLenError(labelValueMaxLength)] : []),
  ...(labelValue.test(value) ? [] : [regexError(labelValueErrMsg, labelValueFmt, 'MyValue', 'my_value', '12345')]),
];

/** `field.Invalid(path, value, detail).Error()`; a nil path prints as `<nil>`, as Go's does. */
export const invalidValue = (path: string | undefined, value: string | readonly string[], detail: string): string =>
  `${path ?? '<nil>'}: Invalid value: ${typeof value === 'string' ? JSON.stringify(value) : `[]string{${value.map((v) => JSON.stringify(v)).join(', ')}}`}: ${detail}`;
