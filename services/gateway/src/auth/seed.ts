import type { Db } from 'mongodb';
import type { Role } from '@duban/contracts';
import { unitByCode } from '@duban/units';
import { hashPassword } from './passwords';
import { UserStore } from './users';

export interface DevUser {
  username: string;
  name: string;
  role: Role;
  unitCode: string | null;
  /** Development password; every user can change theirs (POST /api/users/me/password). */
  password: string;
  /** The unit's login is its 督办员 (issue 23): it names 承办人 and makes the unit's other users. */
  unitSupervisor?: boolean;
}

export const DEV_PASSWORDS = {
  admin: 'duban-admin-2019',
  inspector: 'duban-inspector-2019',
  leader: 'duban-leader-2019',
  bureau: 'duban-bureau-2019',
} as const;

export const STAFF_DEV_USERS: readonly DevUser[] = [
  { username: 'admin', name: '系统管理员', role: 'admin', unitCode: null, password: DEV_PASSWORDS.admin },
  {
    username: 'inspector',
    name: '督查室',
    role: 'inspector',
    unitCode: null,
    password: DEV_PASSWORDS.inspector,
  },
  { username: 'leader', name: '分管领导', role: 'leader', unitCode: null, password: DEV_PASSWORDS.leader },
];

export function bureauUsername(unitCode: string): string {
  return `bureau-${unitCode}`;
}

/** The users `seedUsers` creates: the three staff users, then one per lead unit (registry order of the input). */
export function devUsers(leadUnitCodes: readonly string[]): DevUser[] {
  const bureaus = [...new Set(leadUnitCodes)].map((code): DevUser => {
    const unit = unitByCode(code);
    if (!unit) throw new Error(`seedUsers: unit code "${code}" is not in the unit registry`);
    return {
      username: bureauUsername(code),
      name: unit.name,
      role: 'bureau',
      unitCode: code,
      password: DEV_PASSWORDS.bureau,
      unitSupervisor: true,
    };
  });
  return [...STAFF_DEV_USERS, ...bureaus];
}

export interface SeedResult {
  created: string[];
  existing: string[];
}

/**
 * Creates the development users that are missing. Idempotent: a user that exists (perhaps with a
 * changed password) is left as it is, except that a unit login without the 督办员 field gets it.
 */
export async function seedUsers(db: Db, options: { leadUnitCodes: readonly string[] }): Promise<SeedResult> {
  const users = new UserStore(db);
  const wanted = devUsers(options.leadUnitCodes);
  const present = new Set(
    (
      await users.collection
        .find({ _id: { $in: wanted.map((u) => u.username) } }, { projection: { _id: 1 } })
        .toArray()
    ).map((u) => u._id),
  );
  // Only missing users pay for a password hash, and one hash per development password serves
  // every user seeded with it: some eighty bureau users share DEV_PASSWORDS.bureau, and eighty
  // scrypt hashes cost seconds of CPU on every first start (each test stack is one). They share a
  // salt only while they share a password everyone knows; a changed password gets a salt of its own.
  const hashes = new Map<string, Promise<string>>();
  const hashOf = (password: string): Promise<string> => {
    let hash = hashes.get(password);
    if (!hash) hashes.set(password, (hash = hashPassword(password)));
    return hash;
  };
  const created = new Set<string>();
  const missing = wanted.filter((u) => !present.has(u.username));
  for (let i = 0; i < missing.length; i += 8) {
    await Promise.all(
      missing.slice(i, i + 8).map(async (user) => {
        if (await users.createIfMissing(user, new Date(), await hashOf(user.password)))
          created.add(user.username);
      }),
    );
  }
  // Unit logins seeded before the 督办员 duty existed (issue 23) become their unit's 督办员 once;
  // a duty set or withdrawn since is left as it is.
  await users.collection.updateMany(
    {
      _id: { $in: wanted.filter((u) => u.unitSupervisor).map((u) => u.username) },
      role: 'bureau',
      unitSupervisor: { $exists: false },
    },
    { $set: { unitSupervisor: true } },
  );
  const result: SeedResult = { created: [], existing: [] };
  for (const user of wanted)
    (created.has(user.username) ? result.created : result.existing).push(user.username);
  return result;
}
