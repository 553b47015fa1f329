import { z } from 'zod';
import { Id } from './fields';

const fields = {
  /** The commune this office serves: new venues default to it, codes take its prefix. */
  homeCommuneId: Id.nullable(),
  /**
   * A link the office serves, with "{code}" where the minted code goes, so a phone
   * camera opens a page instead of showing gibberish. Null: the bare code.
   */
  codeUrlTemplate: z
    .string()
    .max(120)
    .regex(/^https?:\/\/[^\s{}]*\{code\}[^\s{}]*$/)
    .nullable(),
  /** The office's name as posters head it, e.g. "UBND XÃ KỲ BẮC"; null: made from the home commune. */
  officeName: z.string().trim().max(120).nullable(),
};

/** The office's settings; every key has a default so a new install works at once. */
export const Settings = z.object({
  homeCommuneId: fields.homeCommuneId.default(null),
  codeUrlTemplate: fields.codeUrlTemplate.default(null),
  officeName: fields.officeName.default(null),
});
export type Settings = z.infer<typeof Settings>;

/** A change to some settings; keys left out keep their value. */
export const SettingsPatch = z.object({
  homeCommuneId: fields.homeCommuneId.optional(),
  codeUrlTemplate: fields.codeUrlTemplate.optional(),
  officeName: fields.officeName.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;
