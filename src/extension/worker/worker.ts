import { parentPort } from 'node:worker_threads';
import { EngineService, type WorkerEndpoint } from './engineService';
import { RpcEndpoint, type Message } from './rpc';

/**
 * Entry of the engine's worker thread (bundled to dist/worker.js). Parsing, validation, scoring
 * and reports run here, so the extension host's thread stays free for the editor.
 */
const port = parentPort;
if (!port) throw new Error('dist/worker.js runs as a worker thread of the Rubrics as Code extension.');
const endpoint: WorkerEndpoint = new RpcEndpoint((message: Message) => port.postMessage(message));
port.on('message', (message: Message) => endpoint.receive(message));
new EngineService(endpoint);
