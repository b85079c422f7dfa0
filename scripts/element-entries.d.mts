/** Each element's own entry point (the module that registers its tag), by name. */
export const ELEMENT_ENTRIES: Record<string, string>;
/** Every source module the library build starts from. */
export const LIBRARY_ENTRIES: string[];
/** package.json's `exports`, as scripts/element-entries.mjs builds it. */
export function packageExports(): Record<string, unknown>;
