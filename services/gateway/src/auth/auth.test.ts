import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords';
import { TokenService } from './tokens';
import { devUsers, DEV_PASSWORDS } from './seed';

describe('passwords', () => {
  it('hashes with a per-user salt and verifies', async () => {
    const a = await hashPassword('duban-leader-2019');
    const b = await hashPassword('duban-leader-2019');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('duban-leader-2019', a)).toBe(true);
    expect(await verifyPassword('duban-leader-2018', a)).toBe(false);
  });

  it('never matches a malformed or tampered hash', async () => {
    const good = await hashPassword('0123456789');
    expect(await verifyPassword('0123456789', 'plain-text')).toBe(false);
    expect(await verifyPassword('0123456789', good.replace('scrypt$16384', 'scrypt$99999999'))).toBe(false);
    expect(await verifyPassword('0123456789', good.slice(0, -8))).toBe(false);
  });
});

describe('tokens', () => {
  const now = new Date('2019-06-20T02:00:00Z');
  const claims = { sub: 'inspector', role: 'inspector' as const, name: '督查室', pwv: 'v1' };

  it('issues an HS256 token for 8 hours with issuer duban', async () => {
    const tokens = new TokenService('s'.repeat(32), () => now);
    const { token, expiresAt } = await tokens.issue(claims);
    expect(expiresAt.toISOString()).toBe('2019-06-20T10:00:00.000Z');
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
    expect(header).toMatchObject({ alg: 'HS256' });
    expect(await tokens.verify(token)).toMatchObject(claims);
  });

  it('refuses expired tokens, other secrets and garbage', async () => {
    let clock = now;
    const tokens = new TokenService('s'.repeat(32), () => clock);
    const { token } = await tokens.issue(claims);
    expect(await new TokenService('t'.repeat(32), () => now).verify(token)).toBeNull();
    expect(await tokens.verify('not.a.token')).toBeNull();
    clock = new Date(now.getTime() + 8 * 3600 * 1000 + 1000);
    expect(await tokens.verify(token)).toBeNull();
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => new TokenService('short')).toThrow(/32/);
  });

  it('gives a new password version for every password set', async () => {
    const tokens = new TokenService('s'.repeat(32));
    const [a, b] = [await hashPassword('same-password'), await hashPassword('same-password')];
    expect(tokens.passwordVersion(a)).not.toBe(tokens.passwordVersion(b));
    expect(tokens.passwordVersion(a)).toBe(tokens.passwordVersion(a));
  });
});

describe('development users', () => {
  it('are the three staff users and one bureau user per lead unit, without duplicates', () => {
    const users = devUsers(['edu', 'hous', 'edu']);
    expect(users.map((u) => [u.username, u.role, u.unitCode, u.password])).toEqual([
      ['admin', 'admin', null, DEV_PASSWORDS.admin],
      ['inspector', 'inspector', null, DEV_PASSWORDS.inspector],
      ['leader', 'leader', null, DEV_PASSWORDS.leader],
      ['bureau-edu', 'bureau', 'edu', DEV_PASSWORDS.bureau],
      ['bureau-hous', 'bureau', 'hous', DEV_PASSWORDS.bureau],
    ]);
    expect(users[3]!.name).toBe('青铜峡市教育局');
  });

  it('refuses a unit code the registry does not know', () => {
    expect(() => devUsers(['no-such-unit'])).toThrow(/no-such-unit/);
  });
});
