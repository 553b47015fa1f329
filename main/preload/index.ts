import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, OPERATION_NAMES } from '../../shared/api/contract';

/**
 * window.api: one function per contract operation and nothing else. The page never gets
 * ipcRenderer, a generic send/on, or an IPC event. Main checks the sender and validates
 * the input, so this side stays a thin pipe.
 */
const api = Object.fromEntries(
  OPERATION_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(channelOf(name), input)]),
);

contextBridge.exposeInMainWorld('api', api);
