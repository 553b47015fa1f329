import { z } from 'zod';
import { Id, requiredText } from './fields';

export const STAFF_ROLES = ['clerk', 'inspector', 'leader', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const Staff = z.object({
  id: Id,
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  active: z.boolean(),
  /** Whether the person set a PIN (the start screen then asks for it); the PIN's hash never leaves main. */
  hasPin: z.boolean(),
});
export type Staff = z.infer<typeof Staff>;

export const StaffCreate = z.object({
  name: requiredText(120),
  role: z.enum(STAFF_ROLES).default('clerk'),
});
export type StaffCreateInput = z.input<typeof StaffCreate>;

export const StaffUpdate = StaffCreate.extend({ id: Id, active: z.boolean() });
