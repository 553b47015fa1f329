import { z } from 'zod';
import {
  CommuneExchangeStatus,
  ExchangeStatusQuery,
  PreparePackage,
  PrepareReturnPackage,
  ReceivedPackage,
  ReceivePackage,
  SendChoice,
  SentPackage,
} from '../../domain/exchange';
import { ReportFile } from '../../domain/reports';
import { operation } from '../operation';

/**
 * Data packages between offices (.diemqr): a commune office prepares and saves its
 * package; the upper office receives packages and follows which communes sent theirs,
 * and returns its own inspections of a commune's venues in a return package.
 */
export const exchangeOperations = {
  'exchange.prepare': operation({
    summary: 'Chuẩn bị gói dữ liệu gửi cấp trên, cho biết dung lượng và số bản ghi / prepare the package for the upper office',
    kind: 'write',
    roles: ['clerk', 'leader'],
    input: PreparePackage,
    output: SentPackage,
  }),
  'exchange.sendChoice': operation({
    summary: 'Có lập được gói bổ sung (chỉ phần thay đổi) không, dựa trên gói nào / whether an incremental package can be made, on which base',
    kind: 'read',
    roles: ['clerk', 'leader'],
    input: z.object({}),
    output: SendChoice,
  }),
  'exchange.prepareReturn': operation({
    summary:
      'Chuẩn bị gói trả về cho một xã: các đợt kiểm tra, tồn tại, biện pháp, yêu cầu in lại của văn phòng cấp trên / prepare the return package for a commune',
    kind: 'write',
    roles: ['clerk', 'leader'],
    input: PrepareReturnPackage,
    output: SentPackage,
  }),
  'exchange.download': operation({
    summary: 'Tệp .diemqr của một gói đã chuẩn bị / the file of a prepared package',
    kind: 'read',
    roles: ['clerk', 'leader'],
    input: z.object({ sequence: z.number().int().min(1) }),
    output: ReportFile,
  }),
  'exchange.sent': operation({
    summary: 'Các gói dữ liệu đã chuẩn bị, mới nhất trước / packages prepared here, newest first',
    kind: 'read',
    roles: 'staff',
    input: z.object({}),
    output: z.array(SentPackage),
  }),
  'exchange.receive': operation({
    summary:
      'Nhận gói dữ liệu của một xã (văn phòng cấp trên), hoặc gói trả về của cấp trên (văn phòng xã) / receive a commune\'s package, or the upper office\'s return package',
    kind: 'write',
    roles: ['admin'],
    input: ReceivePackage,
    output: ReceivedPackage,
  }),
  'exchange.status': operation({
    summary: 'Các xã thuộc văn phòng và gói dữ liệu gần nhất của từng xã / communes under this office and their last package',
    kind: 'read',
    roles: 'staff',
    input: ExchangeStatusQuery,
    output: z.array(CommuneExchangeStatus),
  }),
};
