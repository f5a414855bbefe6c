import type { RequestHandler } from 'express';
import { problems, type RouteAuth } from '@duban/http';
import type { AuthService } from '../auth/service';
import { principalOf, setPrincipal } from '../auth/principal';

/**
 * Requires `Authorization: Bearer <token>`. With `allowQueryToken`, `?access_token=` is accepted
 * too: EventSource cannot set headers.
 */
export function authenticate(auth: AuthService, options: { allowQueryToken?: boolean } = {}): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    let token: string | undefined;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw problems.unauthenticated('Authorization 头应为 "Bearer <token>"');
      token = match[1];
    } else if (options.allowQueryToken && typeof req.query.access_token === 'string') {
      token = req.query.access_token;
    }
    if (!token) throw problems.unauthenticated('请先登录（缺少 Bearer 令牌）');
    const principal = await auth.authenticate(token);
    if (!principal) throw problems.unauthenticated('登录已失效，请重新登录');
    setPrincipal(res, principal);
    next();
  };
}

/** The kit's view of sign-in, over this gateway's tokens and users. */
export function routeAuth(auth: AuthService): RouteAuth {
  return {
    authenticate: (options) => authenticate(auth, options),
    principalOf,
  };
}
