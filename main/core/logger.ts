import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

function describe(detail: unknown): string {
  if (detail instanceof Error) return detail.stack ?? detail.message;
  return detail === undefined ? '' : JSON.stringify(detail);
}

/** Appends one line per event to <dataDir>/logs/main.log; the detail users never see lives here. */
export function createFileLogger(dataDir: string): Logger {
  const dir = path.join(dataDir, 'logs');
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    // A read-only data folder: the app says so itself; the log just stays empty.
  }
  const file = path.join(dir, 'main.log');
  // Logging never fails the work it describes: a full disk or a read-only folder must not
  // turn a clerk's save, or the error answer about it, into a crash.
  const write = (level: string, message: string, detail: unknown) => {
    const line = `${new Date().toISOString()} ${level} ${message} ${describe(detail)}\n`;
    try {
      fs.appendFileSync(file, line);
    } catch {
      // Nowhere to keep it; stderr below is the last resort.
    }
    if (level === 'ERROR') {
      try {
        process.stderr.write(line);
      } catch {
        // No terminal either.
      }
    }
  };
  return {
    info: (message, detail) => write('INFO', message, detail),
    error: (message, detail) => write('ERROR', message, detail),
  };
}
