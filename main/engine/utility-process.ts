import type { EngineMessage, EngineStart, HostMessage } from './messages';
import { serveEngine } from './serve';
import { favourSmallHeap } from './small-heap';

/**
 * The data engine in Electron's utility process: SQLite, the services and their jobs run
 * here, so the main process (windows, menus, dialogs) never waits on a query or an import.
 * The start-up arguments come as the last command-line argument, in JSON.
 */
const port = process.parentPort;
favourSmallHeap();
serveEngine(
  {
    post: (message: EngineMessage) => port.postMessage(message),
    onMessage: (listener: (message: HostMessage) => void) => port.on('message', (event) => listener(event.data as HostMessage)),
  },
  JSON.parse(process.argv[process.argv.length - 1]) as EngineStart,
);
