/** One real server per describe block: started before its tests, stopped after; fresh URIs on demand. */
import { after, before } from 'node:test';
import { startServer, type ServerHandle } from './lspClient';

export interface ServerSuite {
  /** The running server (valid inside tests). */
  readonly server: ServerHandle;
  /** A URI no other test in the block used. */
  uri(prefix: string): string;
}

export function useServer(opts: Parameters<typeof startServer>[0] = {}): ServerSuite {
  let handle: ServerHandle | undefined;
  let n = 0;
  before(async () => {
    handle = await startServer(opts);
  });
  after(async () => {
    await handle?.stop();
  });
  return {
    get server() {
      if (!handle) throw new Error('the server starts in before()');
      return handle;
    },
    uri: (prefix) => `file:///${prefix}-${++n}.govreport`,
  };
}
