import path from 'node:path';
import { app, utilityProcess } from 'electron';
import type { EngineLink, EngineMessage, EngineStart } from '../engine/messages';

/** Forks the data engine (out/engine/utility.cjs) as a utility process of this app; it reads import files with out/engine/read-file.cjs. */
export function startEngineProcess(start: Omit<EngineStart, 'readerEntry'>): EngineLink {
  const engineDir = path.join(app.getAppPath(), 'out', 'engine');
  const withReader: EngineStart = { ...start, readerEntry: path.join(engineDir, 'read-file.cjs') };
  const child = utilityProcess.fork(path.join(engineDir, 'utility.cjs'), [JSON.stringify(withReader)], {
    serviceName: 'Điểm QR – dữ liệu',
    stdio: 'inherit',
  });
  return {
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: EngineMessage) => listener(message)),
    onExit: (listener) => child.once('exit', listener),
    stop: () => void child.kill(),
  };
}
