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
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'main.log');
  const write = (level: string, message: string, detail: unknown) => {
    const line = `${new Date().toISOString()} ${level} ${message} ${describe(detail)}\n`;
    fs.appendFileSync(file, line);
    if (level === 'ERROR') process.stderr.write(line);
  };
  return {
    info: (message, detail) => write('INFO', message, detail),
    error: (message, detail) => write('ERROR', message, detail),
  };
}
