import { z } from 'zod';
import { AdminUnit } from '../domain/admin-unit';
import { Id, Venue, VenueDraft, VenuePage, VenueQuery } from '../domain/venue';
import { operation } from './operation';
import type { Result } from './result';

/**
 * The one list of operations. The preload bridge, the IPC dispatcher, the renderer's
 * client and the browser bridge's routes are all derived from it: adding an operation
 * means adding it here plus its handler in main/core/handlers.ts.
 */
export const contract = {
  'app.info': operation({
    summary: 'Phiên bản ứng dụng và lược đồ dữ liệu / app and schema version',
    input: z.object({}),
    output: z.object({ appVersion: z.string(), schemaVersion: z.number().int(), dataDir: z.string() }),
  }),
  'units.list': operation({
    summary: 'Danh sách đơn vị hành chính / administrative units',
    input: z.object({ includeRetired: z.boolean().optional().default(false) }),
    output: z.array(AdminUnit),
  }),
  'venues.create': operation({
    summary: 'Thêm cơ sở / create a venue',
    input: VenueDraft,
    output: Venue,
  }),
  'venues.get': operation({
    summary: 'Xem một cơ sở / one venue',
    input: z.object({ id: Id }),
    output: Venue,
  }),
  'venues.list': operation({
    summary: 'Danh sách cơ sở, tìm không dấu / venue list with folded search',
    input: VenueQuery,
    output: VenuePage,
  }),
};

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

/** What a caller sends (defaults may be left out). */
export type InputOf<N extends OperationName> = z.input<Contract[N]['input']>;
/** What a handler receives, after the schema has parsed and defaulted it. */
export type ParsedInputOf<N extends OperationName> = z.output<Contract[N]['input']>;
export type OutputOf<N extends OperationName> = z.output<Contract[N]['output']>;

/** The API as the renderer sees it, whatever the transport. */
export type Api = { [N in OperationName]: (input: InputOf<N>) => Promise<Result<OutputOf<N>>> };

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** The IPC channel of an operation: one rule, used by preload and main alike. */
export const channelOf = (name: OperationName): string => `api:${name}`;
