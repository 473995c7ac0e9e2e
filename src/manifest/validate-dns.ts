/**
 * A pod's `dnsConfig` against its `dnsPolicy` (`pkg/apis/core/validation/validation.go :: validatePodDNSConfig`),
 * with gate `RelaxedDNSSearchValidation` (GA since v1.34, KEP-4427): a search domain may hold underscores, and `.`
 * alone is accepted.
 */
import { isIP } from 'node:net';
import * as t from 'io-ts';
import type { PodSpec } from '../k8s/pod.js';
import { invalid, required, type FieldError, type FieldPath } from './errors.js';
import { isDNS1123SubdomainWithUnderscore } from './names.js';

const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_LIST_CHARS = 2048;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** `validation.IsValidIP`. */
const validIP = (value: string, path: FieldPath): FieldError[] =>
  isIP(value) === 0 ? [invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')] : [];

const validateSearches = (searches: readonly string[], path: FieldPath): FieldError[] => [
  ...(searches.length > MAX_SEARCH_PATHS ? [invalid(path, searches, `must not have more than ${MAX_SEARCH_PATHS} search paths`)] : []),
  // The spaces between the domains count: the kubelet writes them on one `search` line of resolv.conf.
  ...(searches.join(' ').length > MAX_SEARCH_LIST_CHARS
    ? [invalid(path, searches, `must not have more than ${MAX_SEARCH_LIST_CHARS} characters (including spaces) in the search list`)]
    : []),
  ...searches.flatMap((search, i) => {
    if (search === '.') return [];
    const domain = search.endsWith('.') ? search.slice(0, -1) : search;
    return isDNS1123SubdomainWithUnderscore(domain).map((m) => invalid([...path, i], domain, m));
  }),
];

export const validatePodDNSConfig = (spec: PodSpec): FieldError[] => {
  const path: FieldPath = ['spec', 'dnsConfig'];
  const config = spec.dnsConfig;
  const nameservers = strings(config?.['nameservers']);
  if (spec.dnsPolicy === 'None') {
    if (config === undefined) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (nameservers.length === 0) return [required([...path, 'nameservers'], 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (config === undefined) return [];
  const options = Array.isArray(config['options']) ? config['options'] : [];
  return [
    ...(nameservers.length > MAX_NAMESERVERS ? [invalid([...path, 'nameservers'], nameservers, `must not have more than ${MAX_NAMESERVERS} nameservers`)] : []),
    ...nameservers.flatMap((ns, i) => validIP(ns, [...path, 'nameservers', i])),
    ...validateSearches(strings(config['searches']), [...path, 'searches']),
    ...options.flatMap((option: unknown, i) => {
      const name = t.UnknownRecord.is(option) ? option['name'] : undefined;
      return typeof name === 'string' && name !== '' ? [] : [required([...path, 'options', i], 'must not be empty')];
    }),
  ];
};
