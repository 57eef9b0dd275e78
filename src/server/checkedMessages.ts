import { ErrorCodes, ResponseError, type Connection, type NotificationHandler } from 'vscode-languageserver';
import { problemWith, type Shape } from './params';

/**
 * Registers a request handler by method name, through `checkedRequest`: the library's own
 * onHover and the like read the params before any check could run.
 */
export function onCheckedRequest<P, R>(connection: Connection, method: string, shape: Shape, handler: (params: P) => R | Promise<R>): void {
  connection.onRequest(method, checkedRequest(connection, method, shape, handler));
}

/**
 * A request handler that answers InvalidParams when the params are not what `method` takes, and
 * an error that points to the log (never an exception's own text) when answering fails.
 */
function checkedRequest<P, R>(connection: Connection, method: string, shape: Shape, handler: (params: P) => R | Promise<R>): (params: unknown) => Promise<R> {
  return async (params) => {
    const problem = problemWith(params, shape);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}.`);
    try {
      return await handler(params as P);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      connection.console.error(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      throw new ResponseError(ErrorCodes.InternalError, `Rubrics could not answer ${method} because of an internal error; the language server's log has the details.`);
    }
  };
}

/** A notification handler that leaves out (and logs) a notification whose params are not what `method` takes. */
export function checkedNotification<P>(connection: Connection, method: string, shape: Shape, handler: (params: P) => void): NotificationHandler<P> {
  return (params) => {
    const problem = problemWith(params, shape);
    if (problem) {
      connection.console.error(`Ignored ${method}: ${problem}.`);
      return;
    }
    handler(params);
  };
}
