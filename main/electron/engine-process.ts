import path from 'node:path';
import { app, utilityProcess } from 'electron';
import type { EngineLink, EngineMessage, EngineStart } from '../engine/messages';

/** Forks the data engine (out/engine/utility.cjs) as a utility process of this app. */
export function startEngineProcess(start: EngineStart): EngineLink {
  const child = utilityProcess.fork(path.join(app.getAppPath(), 'out', 'engine', 'utility.cjs'), [JSON.stringify(start)], {
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
