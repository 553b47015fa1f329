/**
 * What every operation answers across the process boundary: a value or an expected
 * failure with a stable code. Exceptions never cross it (Signal's sql_channel pattern).
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE',
  'UNSUPPORTED_FILE',
  'DB_FUTURE_VERSION',
  /** At start: the database fails quick_check. */
  'DB_DAMAGED',
  /** At start: the database is missing or empty while keys/ or backups show this PC had data. */
  'DB_MISSING',
  'BACKUP_FAILED',
  /** The office signing key is missing or not the one the database knows. */
  'KEY_MISSING',
  'FORBIDDEN',
  /** A change was asked for before anyone said who is working. */
  'NOT_SIGNED_IN',
  /** The PIN typed is not the person's. */
  'WRONG_PIN',
  /** Too many wrong PINs in a row: the next try must wait (the message says how long). */
  'PIN_WAIT',
  /** The session locked after the idle time set in Settings: unlock it, or choose who is working. */
  'SESSION_LOCKED',
  'UNKNOWN_OPERATION',
  /** The back end could not be reached (the bridge's server stopped). */
  'UNAVAILABLE',
  /** The disk refused the write: full, read-only, the file held by another program, or failing. */
  'DISK_FULL',
  'READ_ONLY',
  'FILE_LOCKED',
  'DISK_ERROR',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why a field was refused; the UI turns (field, reason) into a sentence in its locale. */
export const FIELD_REASONS = [
  'required',
  'too_long',
  'too_short',
  'invalid',
  'unknown_reference',
  /** A number outside what the world allows (latitude 200), not a text too long. */
  'out_of_range',
  /** Written as a date but no such day exists (31/02/2026), not a wrong format. */
  'not_a_date',
  /** A day after today in Vietnam, for what can only have happened already. */
  'in_future',
] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];

export interface AppErrorData {
  code: ErrorCode;
  /** A Vietnamese sentence for people reading the API or the log. */
  message: string;
  /** Dotted path of the offending input field, e.g. "name" or "rows.12.phone". */
  field?: string;
  reason?: FieldReason;
  /**
   * The message as an i18n key (under "exchange.refusals") and its values, where a UI in
   * another language words it itself: the reasons a data package is refused.
   */
  sentence?: { key: string; values: Record<string, string | number> };
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown by services for expected failures; the dispatcher turns it into a Result. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly reason?: FieldReason,
  ) {
    super(message);
    this.name = 'AppError';
  }

  sentence?: AppErrorData['sentence'];

  /** Says which sentence the message is, for a UI in another language (see AppErrorData.sentence). */
  says(key: string, values: Record<string, string | number> = {}): this {
    this.sentence = { key, values };
    return this;
  }

  toData(): AppErrorData {
    const data: AppErrorData = { code: this.code, message: this.message };
    if (this.field !== undefined) data.field = this.field;
    if (this.reason !== undefined) data.reason = this.reason;
    if (this.sentence !== undefined) data.sentence = this.sentence;
    return data;
  }
}
