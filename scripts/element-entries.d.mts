/** Each element's own entry point, by name. */
export const ELEMENT_ENTRIES: Record<string, string>;
