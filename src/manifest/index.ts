/** Pod manifests: YAML or JSON in, API-server-defaulted and validated v1 Pods out. */
export { loadManifests, type LoadedManifests } from './load.js';
export { formatManifestError, type ManifestError } from './errors.js';
export { applyDefaults } from './defaults.js';
export { validatePod } from './validate.js';
export { systemPriorityClasses } from './priority.js';
