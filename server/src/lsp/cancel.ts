/**
 * LSP cancellation for request handlers: a request the client cancelled before it was handled
 * (typically superseded by a newer document version) gets the RequestCancelled error at once,
 * with no analysis done for it.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export function cancelled(token: CancellationToken): ResponseError<void> | undefined {
  return token.isCancellationRequested ? new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled') : undefined;
}
