import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Options } from 'express-rate-limit';
import { principalOf } from '../auth/principal';
import { HttpProblem, sendProblem } from '@duban/http';

export interface RateLimitOptions {
  /** Every /api request, per client address. Default 1200 a minute: one county office may share an address. */
  windowMs?: number;
  limit?: number;
  /** Failed logins and failed password changes, per client address and username. Default 10 per 15 minutes. */
  sessionWindowMs?: number;
  sessionLimit?: number;
}

const defaults = {
  windowMs: 60_000,
  limit: 1200,
  sessionWindowMs: 15 * 60_000,
  sessionLimit: 10,
} satisfies Required<RateLimitOptions>;

function clientKey(req: Request): string {
  return ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
}

const handler: Options['handler'] = (req, res, _next, options) => {
  const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
  const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : undefined;
  sendProblem(
    req,
    res,
    new HttpProblem(options.statusCode, `请求过于频繁，请${seconds ? ` ${seconds} 秒后` : '稍后'}再试`, {
      headers: seconds ? { 'Retry-After': String(seconds) } : {},
    }),
  );
};

export function apiRateLimit(options: RateLimitOptions = {}): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs ?? defaults.windowMs,
    limit: options.limit ?? defaults.limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: clientKey,
    handler,
  });
}

/** Guessing passwords: only failed attempts count, per address and username. */
export function credentialRateLimit(options: RateLimitOptions = {}): RequestHandler {
  return rateLimit({
    windowMs: options.sessionWindowMs ?? defaults.sessionWindowMs,
    limit: options.sessionLimit ?? defaults.sessionLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skipSuccessfulRequests: true,
    keyGenerator: (req, res) => {
      const signedIn = principalOf(res);
      if (signedIn) return `${clientKey(req)}|${signedIn.username}`;
      const body: unknown = req.body;
      const username =
        typeof body === 'object' &&
        body !== null &&
        typeof (body as { username?: unknown }).username === 'string'
          ? (body as { username: string }).username.toLowerCase().slice(0, 64)
          : '';
      return `${clientKey(req)}|${username}`;
    },
    handler,
  });
}
