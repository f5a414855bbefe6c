import { createHmac } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { RoleSchema } from '@duban/contracts';

export const TOKEN_ISSUER = 'duban';
export const TOKEN_AUDIENCE = 'duban-api';
export const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

const ClaimsSchema = z.object({
  sub: z.string().min(1),
  role: RoleSchema,
  name: z.string().min(1),
  unitCode: z.string().optional(),
  /** Password version: a token issued before the password was last set stops working. */
  pwv: z.string().min(1),
});
export type TokenClaims = z.infer<typeof ClaimsSchema>;

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/** HS256 session tokens (issuer `duban`, 8 hours). */
export class TokenService {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    if (secret.length < 32) throw new Error('the JWT secret must be at least 32 characters');
    this.key = new TextEncoder().encode(secret);
  }

  /**
   * A short keyed digest of the stored password hash. Every password set draws a new salt, so the
   * digest changes even when the same password is set again, whatever the clock says.
   */
  passwordVersion(passwordHash: string): string {
    return createHmac('sha256', this.key).update(passwordHash).digest('base64url').slice(0, 16);
  }

  async issue(claims: TokenClaims): Promise<IssuedToken> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    const expiresAt = issuedAt + TOKEN_LIFETIME_SECONDS;
    const { sub, ...rest } = claims;
    const token = await new SignJWT(rest)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** The claims of a valid token, or null for anything else (bad signature, expired, malformed). */
  async verify(token: string): Promise<TokenClaims | null> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: ['HS256'],
        currentDate: this.now(),
      });
      const claims = ClaimsSchema.safeParse(payload);
      return claims.success ? claims.data : null;
    } catch {
      return null;
    }
  }
}
