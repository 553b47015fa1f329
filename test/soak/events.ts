/** The kinds of work a soak run does; each run does one, over and over, until it is killed. */
export const SOAK_KINDS = ['import', 'print', 'visit', 'backup', 'restore'] as const;
export type SoakKind = (typeof SOAK_KINDS)[number];

/**
 * One line the working process prints on stdout. `start` is printed before a write is
 * asked for, `ack` once its answer came back: the parent holds the data folder to every
 * ack it read, and allows for every start without one.
 */
export type SoakEvent =
  | { event: 'ready' }
  | { event: 'start'; kind: SoakKind; key: string; rows?: number }
  | { event: 'ack'; kind: SoakKind; key: string; rows?: number; photoId?: string };

/** What the parent keeps of a run: the writes asked for and answered. */
export type WriteEvent = Exclude<SoakEvent, { event: 'ready' }>;
