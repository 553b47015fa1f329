import { z } from 'zod';
import { Id } from './fields';
import { DEFAULT_IDLE_LOCK_SECONDS, IdleLockSeconds } from './pin';

export const OFFICE_KINDS = ['commune', 'upper'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

const fields = {
  /** The commune this office serves: new venues default to it, codes take its prefix. */
  homeCommuneId: Id.nullable(),
  /**
   * A link the office serves, with "{code}" where the minted code goes, so a phone
   * camera opens a page instead of showing gibberish. Null: the bare code. In capitals
   * ("HTTPS://KYBAC.VN/Q/{code}", the scheme and host are case-blind) it stays in
   * QR's compact alphanumeric mode, which is what lets it read from across the street.
   */
  codeUrlTemplate: z
    .string()
    .max(120)
    .regex(/^https?:\/\/[^\s{}]*\{code\}[^\s{}]*$/i)
    .nullable(),
  /** The office's name as posters head it, e.g. "UBND XÃ KỲ BẮC"; null: made from the home commune. */
  officeName: z.string().trim().max(120).nullable(),
  /**
   * A commune office keeps its own register and sends packages up; an upper office (a
   * province, or a district for data before 2025) receives the packages of the communes
   * under it.
   */
  officeKind: z.enum(OFFICE_KINDS),
  /** The province or district an upper office serves; its communes are those below it in the units. */
  upperUnitId: Id.nullable(),
  /** Idle seconds after which the session locks (0: never); see shared/domain/pin.ts. */
  idleLockSeconds: IdleLockSeconds,
};

/** The office's settings; every key has a default so a new install works at once. */
export const Settings = z.object({
  homeCommuneId: fields.homeCommuneId.default(null),
  codeUrlTemplate: fields.codeUrlTemplate.default(null),
  officeName: fields.officeName.default(null),
  officeKind: fields.officeKind.default('commune'),
  upperUnitId: fields.upperUnitId.default(null),
  idleLockSeconds: fields.idleLockSeconds.default(DEFAULT_IDLE_LOCK_SECONDS),
});
export type Settings = z.infer<typeof Settings>;

/** A change to some settings; keys left out keep their value. */
export const SettingsPatch = z.object({
  homeCommuneId: fields.homeCommuneId.optional(),
  codeUrlTemplate: fields.codeUrlTemplate.optional(),
  officeName: fields.officeName.optional(),
  officeKind: fields.officeKind.optional(),
  upperUnitId: fields.upperUnitId.optional(),
  idleLockSeconds: fields.idleLockSeconds.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;
