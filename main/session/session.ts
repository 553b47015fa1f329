import { AppError } from '../../shared/api/result';

/**
 * Who is working at this PC now. Chosen at start ("Ai đang làm việc?") and kept in the
 * main process, so every change the services make is recorded against that person.
 */
export interface Session {
  staffId: string | null;
}

export function requireStaff(session: Session): string {
  if (session.staffId === null) {
    throw new AppError('NOT_SIGNED_IN', 'Hãy chọn người đang làm việc trước khi thay đổi dữ liệu.');
  }
  return session.staffId;
}
