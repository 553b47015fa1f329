import { Worker } from 'node:worker_threads';
import type { EngineLink, EngineStart } from '../engine/messages';

/** Runs the data engine (out/bridge/engine.mjs) in a worker thread, so the HTTP thread stays free. */
export function startEngineWorker(entry: string, start: EngineStart): EngineLink {
  const worker = new Worker(entry, { workerData: start });
  // Without a listener, an uncaught error in the worker would be thrown here; 'exit' follows it.
  worker.on('error', (error) => process.stderr.write(`data engine failed: ${error.stack ?? String(error)}\n`));
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => worker.once('exit', listener),
    stop: () => void worker.terminate(),
  };
}
