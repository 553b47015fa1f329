import type { z } from 'zod';
import { FIELD_REASONS, type AppErrorData, type FieldReason } from './result';

export interface FieldError {
  field: string;
  reason: FieldReason;
}

/** safeParse that keeps each issue's input, so a missing field and a wrong one get different reasons. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown) {
  return schema.safeParse(value, { reportInput: true });
}

/** A refinement names its own reason (Day's "no such day") through its params. */
const customReason = (issue: z.core.$ZodIssue): FieldReason | undefined =>
  issue.code === 'custom' && (FIELD_REASONS as readonly unknown[]).includes(issue.params?.reason) ? (issue.params?.reason as FieldReason) : undefined;

function reasonOf(issue: z.core.$ZodIssue): FieldReason {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'bigint') return 'out_of_range';
      return issue.origin === 'string' && issue.minimum === 1 ? 'required' : 'too_short';
    case 'too_big':
      return issue.origin === 'number' || issue.origin === 'bigint' ? 'out_of_range' : 'too_long';
    case 'custom':
      return customReason(issue) ?? 'invalid';
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'required' : 'invalid';
    default:
      return 'invalid';
  }
}

/** One error per field (the first zod reports), with a dotted path; used by the form and the dispatcher alike. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    errors.push({ field, reason: reasonOf(issue) });
  }
  return errors;
}

const REASON_TEXT_VI: Record<FieldReason, string> = {
  required: 'không được để trống',
  too_long: 'quá dài',
  too_short: 'quá ngắn',
  invalid: 'không hợp lệ',
  unknown_reference: 'không tồn tại',
  out_of_range: 'nằm ngoài giới hạn cho phép',
  not_a_date: 'không phải ngày có thật',
  in_future: 'ở sau ngày hôm nay',
};

export function invalidInputError(operation: string, error: z.ZodError): AppErrorData {
  const [first] = fieldErrorsOf(error);
  const field = first?.field ?? '';
  const reason = first?.reason ?? 'invalid';
  return {
    code: 'INVALID_INPUT',
    message: `${operation}: trường "${field || '(dữ liệu)'}" ${REASON_TEXT_VI[reason]}`,
    field,
    reason,
  };
}
