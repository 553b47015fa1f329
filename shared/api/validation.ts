import type { z } from 'zod';
import type { AppErrorData, FieldReason } from './result';

export interface FieldError {
  field: string;
  reason: FieldReason;
}

/** safeParse that keeps each issue's input, so a missing field and a wrong one get different reasons. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown) {
  return schema.safeParse(value, { reportInput: true });
}

function reasonOf(issue: z.core.$ZodIssue): FieldReason {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && issue.minimum === 1 ? 'required' : 'too_short';
    case 'too_big':
      return 'too_long';
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
