/** Scan counts: import from files, matching to venues, counts typed by hand, low-scanning flags. */
export const scanOperations = {};
