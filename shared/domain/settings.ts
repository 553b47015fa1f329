import { z } from 'zod';
import { Id } from './fields';

/** The office's settings; every key has a default so a new install works at once. */
export const Settings = z.object({
  /** The commune this office serves: new venues default to it, codes take its prefix. */
  homeCommuneId: Id.nullable().default(null),
});
export type Settings = z.infer<typeof Settings>;
