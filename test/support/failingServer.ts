import { workerData, type MessagePort } from 'node:worker_threads';
import { createConnection, PortMessageReader, PortMessageWriter } from 'vscode-languageserver/node';
import { startServer } from '../../src/server/server';

/**
 * The language server in a worker thread, as src/server/node.ts starts it, with a file source
 * that fails every read the way a bug would (a rejected promise, not a missing file): for the
 * test that an engine failure reaches the editor as an `internal-error` diagnostic.
 */
const port = (workerData as { port: MessagePort }).port;
startServer(createConnection(new PortMessageReader(port), new PortMessageWriter(port)), {
  files: {
    // Only the references' reads fail: the workspace folder's .rubricsignore is simply not there.
    readFile: async (uri) => {
      if (/\.ya?ml$/.test(uri)) throw new Error('the file source broke');
      return undefined;
    },
    findFiles: async () => [],
  },
});
