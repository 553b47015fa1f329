import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BRIDGE_ENTRY = path.join(ROOT, 'out/bridge/server.mjs');

export interface RunningBridge {
  url: string;
  stop(): Promise<void>;
}

/** Starts the built bridge (`npm run web` without the build) and reads its URL from the first stdout line. */
export async function startBridgeProcess(dataDir: string): Promise<RunningBridge> {
  const child: ChildProcess = spawn(process.execPath, [BRIDGE_ENTRY, '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`bridge exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
