/** kubectl's line for a named object the API server does not have (exit 1): `Error from server (NotFound): pods "NAME" not found`. */
export const notFoundLine = (resource: string, name: string): string => `Error from server (NotFound): ${resource} "${name}" not found`;
