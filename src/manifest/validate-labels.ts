/** `apimachinery/pkg/apis/meta/v1/validation :: ValidateLabels`: keys qualified names, values label values; errors name the map. */
import { invalid, type FieldError, type FieldPath } from './errors.js';
import { isLabelValue, isQualifiedName } from './names.js';

export const validateLabels = (labels: Readonly<Record<string, string>> | undefined, path: FieldPath): FieldError[] =>
  Object.entries(labels ?? {}).flatMap(([key, value]) => {
    // Point at the entry in the file, though the error names the map as the API server does.
    const at = [...path, key];
    return [
      ...isQualifiedName(key).map((m) => ({ ...invalid(path, key, m), at })),
      ...isLabelValue(value).map((m) => ({ ...invalid(path, value, m), at })),
    ];
  });
