import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'x-request-id';

// A caller's id is kept (so a trace spans the browser, the gateway and the workflow) only when it
// is short and plain; anything else is replaced, so logs and event attributes stay clean.
const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;

/** Sets `req.id` from `x-request-id` or a new UUID, and echoes it on the response. */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get(REQUEST_ID_HEADER);
    const id = incoming && acceptable.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}

export function requestIdOf(req: { id: unknown }): string {
  return String(req.id);
}
