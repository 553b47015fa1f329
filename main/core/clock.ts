/** UTC ISO-8601, the only timestamp format stored. */
export const nowIso = (): string => new Date().toISOString();
