import http from 'node:http';

/**
 * The connecting address of each request, as a header the proxy can read:
 * Next.js hides the socket from proxy.ts and keeps a client's own
 * X-Forwarded-For. Every incoming request's header is overwritten here, so a
 * client cannot forge it. Installed once per process by instrumentation.ts.
 */

export const PEER_HEADER = 'x-flashback-peer';

const installed = Symbol.for('flashback.peer-header');

export function stampPeerAddress(): void {
  const proto = http.Server.prototype as http.Server & { [installed]?: true };
  if (proto[installed]) return;
  proto[installed] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? '';
    }
    return (emit as (...all: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
}
