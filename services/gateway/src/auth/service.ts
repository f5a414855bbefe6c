import type { Db } from 'mongodb';
import { decoyHash, verifyPassword } from './passwords';
import type { Principal } from './principal';
import { TokenService, type IssuedToken } from './tokens';
import { toPrincipal, UserStore, type UserDoc } from './users';

export interface Session extends IssuedToken {
  user: UserDoc;
}

/** Logging in, and turning a bearer token back into the current user. */
export class AuthService {
  readonly users: UserStore;
  private readonly tokens: TokenService;

  constructor(db: Db, jwtSecret: string, now?: () => Date) {
    this.users = new UserStore(db);
    this.tokens = new TokenService(jwtSecret, now);
  }

  /** A session for the right password; null for a wrong password or an unknown user alike. */
  async login(username: string, password: string): Promise<Session | null> {
    const user = await this.users.find(username);
    if (!user) {
      await verifyPassword(password, await decoyHash());
      return null;
    }
    if (!(await verifyPassword(password, user.passwordHash))) return null;
    // A disabled user is told nothing more than a wrong password would tell (after the check).
    if (user.disabledAt) return null;
    return this.sessionFor(user);
  }

  async sessionFor(user: UserDoc): Promise<Session> {
    const issued = await this.tokens.issue({
      sub: user._id,
      role: user.role,
      name: user.name,
      ...(user.unitCode ? { unitCode: user.unitCode } : {}),
      pwv: this.tokens.passwordVersion(user.passwordHash),
    });
    return { ...issued, user };
  }

  /**
   * The user a token stands for, read fresh from the store: a deleted or disabled user, a changed
   * role or a changed password ends every token issued before.
   */
  async authenticate(token: string): Promise<Principal | null> {
    const claims = await this.tokens.verify(token);
    if (!claims) return null;
    const user = await this.users.find(claims.sub);
    if (!user || user.role !== claims.role || user.disabledAt) return null;
    if (this.tokens.passwordVersion(user.passwordHash) !== claims.pwv) return null;
    return toPrincipal(user);
  }
}
