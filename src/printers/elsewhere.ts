/** podj's hint under "No resources found in NS namespace.": where the journal's pods are at that instant, when elsewhere. */
export const podsElsewhere = (namespaces: readonly string[], namespace: string): string => {
  const others = namespaces.filter((ns) => ns !== namespace).sort();
  return others.length === 0 ? '' : `The journal holds pods in namespace${others.length === 1 ? '' : 's'} ${others.join(', ')} (use -n NAMESPACE or -A).\n`;
};
