import type { z } from 'zod';
import type { StaffRole } from '../domain/staff';

/**
 * - read: answers from the database and changes nothing;
 * - write: changes data (all reads and writes take their turn in the operation queue);
 * - job: follows or steers long work already running (its progress, cancel button, the
 *   slices a print view lays out, a PDF Chromium prints from the app's own view): it
 *   never waits behind the queue, else a job's watcher would wait for the job itself.
 */
export type OperationKind = 'read' | 'write' | 'job';

/**
 * Who may call an operation: anyone (the start screen, before someone says who is
 * working), any member of staff who is signed in, or the roles listed. An admin may
 * always call.
 */
export type OperationRoles = 'anyone' | 'staff' | readonly StaffRole[];

/** One operation of the API: declared once, everything else is derived from it. */
export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  kind: OperationKind;
  roles: OperationRoles;
  /** Also open to anyone while nobody is registered yet: a new install's first person. */
  openBeforeFirstStaff?: true;
  input: I;
  output: O;
}

export function operation<I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec;
}

/** Whether `role` (null: nobody signed in) may call an operation with these roles. */
export function mayCall(roles: OperationRoles, role: StaffRole | null): boolean {
  if (roles === 'anyone') return true;
  if (role === null) return false;
  return roles === 'staff' || role === 'admin' || roles.includes(role);
}
