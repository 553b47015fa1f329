import { z } from 'zod';
import { Id } from '../../domain/fields';
import { IdleLockSeconds, Pin } from '../../domain/pin';
import { Staff } from '../../domain/staff';
import { operation } from '../operation';

/** PINs and the idle lock of the session (who is working: see session.get and session.start). */
export const pinOperations = {
  'session.status': operation({
    summary: 'Phiên làm việc có đang khoá không / whether the session is idle-locked',
    kind: 'read',
    roles: 'anyone',
    input: z.object({}),
    output: z.object({ locked: z.boolean(), idleLockSeconds: IdleLockSeconds }),
  }),
  'session.touch': operation({
    summary: 'Người dùng vừa thao tác trên cửa sổ (tính lại thời gian chờ khoá) / the window saw user input',
    kind: 'read',
    roles: 'staff',
    input: z.object({}),
    output: z.object({}),
  }),
  'session.unlock': operation({
    summary: 'Mở khoá phiên làm việc bằng mã PIN / unlock the session with the PIN',
    kind: 'write',
    roles: 'anyone',
    input: z.object({ pin: Pin.optional() }),
    output: Staff,
  }),
  'staff.setPin': operation({
    summary: 'Đặt, đổi hoặc bỏ mã PIN của chính mình / set, change or remove one\'s own PIN',
    kind: 'write',
    roles: 'staff',
    input: z.object({ currentPin: Pin.optional(), newPin: Pin.nullable() }),
    output: Staff,
  }),
  'staff.clearPin': operation({
    summary: 'Xoá mã PIN của một cán bộ (quên PIN) / clear someone\'s forgotten PIN',
    kind: 'write',
    roles: ['admin'],
    input: z.object({ staffId: Id }),
    output: Staff,
  }),
};
