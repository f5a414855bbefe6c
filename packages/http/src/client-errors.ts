import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { HttpProblem } from './problem';

/** How long a refused client may go on sending before its connection is closed. */
const DRAIN_MS = 2_000;

function answerOf(code: string | undefined): HttpProblem {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new HttpProblem(431, '请求行与请求头合计超过 16 KB（地址过长或请求头过多），请缩短后重试');
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return new HttpProblem(408, '请求未在限定时间内发完', { title: '请求超时' });
  return new HttpProblem(400, '请求不是合法的 HTTP/1.1 请求');
}

/**
 * Requests that Node's HTTP parser refuses before Express sees them (a 70 KB URL, a malformed
 * request line) get a problem answer the client can read. Node's own answer closes the socket
 * while the client is still sending, so the client sees a reset instead of the 431: here the
 * answer is sent, the rest of the request is read and dropped, then the connection is closed.
 */
export function answerClientErrors(server: Server): void {
  const answered = new WeakSet<Duplex>();
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // The parser reports every later chunk of a refused request again: answer once.
    if (answered.has(socket)) return;
    answered.add(socket);
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const problem = answerOf(error.code);
    const body = JSON.stringify({
      type: problem.type,
      title: problem.title,
      status: problem.status,
      detail: problem.detail,
      instance: '',
      requestId: '',
    });
    socket.end(
      [
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}`,
        'Content-Type: application/problem+json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
    socket.resume();
    setTimeout(() => socket.destroy(), DRAIN_MS).unref();
  });
}
