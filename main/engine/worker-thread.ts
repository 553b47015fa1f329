import { parentPort, workerData } from 'node:worker_threads';
import type { EngineMessage, EngineStart, HostMessage } from './messages';
import { serveEngine } from './serve';
import { favourSmallHeap } from './small-heap';

/** The data engine in a worker thread: the browser bridge's counterpart of Electron's utility process. */
const port = parentPort!;
favourSmallHeap();
serveEngine(
  {
    post: (message: EngineMessage) => port.postMessage(message),
    onMessage: (listener: (message: HostMessage) => void) => port.on('message', listener),
  },
  workerData as EngineStart,
);
