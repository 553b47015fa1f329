import type { AppErrorData, Result } from '../../shared/api/result';

/**
 * What the window's process (Electron main, or the bridge's HTTP thread) and the data
 * engine (a utility process, or a worker thread) say to each other. Only plain data
 * crosses: results are Results (exceptions never cross), PDFs are bytes.
 */
export type HostMessage =
  | { kind: 'dispatch'; id: number; operation: string; input: unknown }
  /** The answer to the engine's render-pdf: the bytes, or why Chromium could not print. */
  | { kind: 'pdf-rendered'; id: number; bytes: Uint8Array }
  | { kind: 'pdf-failed'; id: number; message: string }
  /** Finish or cancel the running jobs, close the database, then say closed. */
  | { kind: 'shutdown' };

export type EngineMessage =
  | { kind: 'ready' }
  /** The database or key could not be opened; the engine ends after saying so. */
  | { kind: 'failed'; error: AppErrorData }
  | { kind: 'result'; id: number; result: Result<unknown> }
  /** Poster and document PDFs need Chromium, which the host has: print this view. */
  | { kind: 'render-pdf'; id: number; viewPath: string; pageKey?: string }
  /** The job whose parts were printed in the page kept under pageKey has ended: close it. */
  | { kind: 'release-pdf'; pageKey: string }
  | { kind: 'closed' };

/** What the engine needs to open the data folder; sent as its start-up arguments. */
export interface EngineStart {
  dataDir: string;
  appVersion: string;
  /** better-sqlite3 built for Electron's ABI; absent under plain Node. */
  nativeBinding?: string;
  /** The bundled file reader (main/import/read-worker.ts) beside the engine's own bundle: each import's file is read in a worker from it. */
  readerEntry: string;
}

/** One end of the channel, whatever carries it (parentPort of a utility process or a worker). */
export interface Channel<In, Out> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

/** The host's hold on the engine: its channel, and the process or thread it runs in. */
export interface EngineLink extends Channel<EngineMessage, HostMessage> {
  onExit(listener: () => void): void;
  /** Ends the process or thread (after its last word, or when it does not answer). */
  stop(): void;
}
