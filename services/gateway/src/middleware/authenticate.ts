import type { RequestHandler } from 'express';
import { problems, type RouteAuth } from '@duban/http';
import type { Role } from '@duban/contracts';
import type { AuthService } from '../auth/service';
import { ROLE_NAMES, principalOf, setPrincipal } from '../auth/principal';

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

export function requireRole(roles: readonly Role[], refusal?: string): RequestHandler {
  return (_req, res, next) => {
    const user = principalOf(res);
    if (!user) throw problems.unauthenticated();
    if (!roles.includes(user.role)) {
      throw problems.forbidden(
        refusal ??
          `此操作仅限${roles.map((r) => ROLE_NAMES[r]).join('、')}，当前用户的角色是${ROLE_NAMES[user.role]}`,
      );
    }
    next();
  };
}

/** The kit's view of sign-in, over this gateway's tokens and users. */
export function routeAuth(auth: AuthService): RouteAuth {
  return {
    authenticate: (options) => authenticate(auth, options),
    requireRole,
    principalOf,
  };
}
