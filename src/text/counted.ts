/** A count and its noun in English: `1 pod`, `2 pods` (the CLI's summaries and the report page). */
export const counted = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
