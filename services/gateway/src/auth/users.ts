import type { Collection, Db, Filter } from 'mongodb';
import type { Role } from '@duban/contracts';
import { unitByCode, type UnitKind } from '@duban/units';
import { isDuplicateKeyError } from '@duban/store';
import { hashPassword } from './passwords';
import type { Principal } from './principal';

export const USERS = 'users';

export interface UserDoc {
  _id: string; // the username
  name: string;
  role: Role;
  /** Bureau users only. */
  unitCode?: string;
  /**
   * A login of an outside organisation: its unit's kind (OUTSIDE_UNIT_KINDS), fixed when the user
   * is made (a unit's kind never changes).
   */
  outsideKind?: UnitKind;
  passwordHash: string;
  createdAt: Date;
  passwordChangedAt: Date;
}

/** What the API shows of a user: never the hash. */
export interface UserView {
  username: string;
  name: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  outsideKind: UnitKind | null;
  createdAt: string;
  passwordChangedAt: string;
}

export function toPrincipal(user: UserDoc): Principal {
  return {
    username: user._id,
    name: user.name,
    role: user.role,
    unitCode: user.unitCode ?? null,
    ...(user.outsideKind ? { outside: true } : {}),
  };
}

export function toUserView(user: UserDoc): UserView {
  const unitCode = user.unitCode ?? null;
  return {
    username: user._id,
    name: user.name,
    role: user.role,
    unitCode,
    unitName: unitCode ? (unitByCode(unitCode)?.name ?? null) : null,
    outsideKind: user.outsideKind ?? null,
    createdAt: user.createdAt.toISOString(),
    passwordChangedAt: user.passwordChangedAt.toISOString(),
  };
}

export interface NewUser {
  username: string;
  name: string;
  role: Role;
  unitCode?: string | null;
  /** Its unit's kind when that is an outside organisation's (OUTSIDE_UNIT_KINDS of @duban/units). */
  outsideKind?: UnitKind | null;
  password: string;
}

export class DuplicateUserError extends Error {
  override readonly name = 'DuplicateUserError';
}

/** The `users` collection. Writes are single-document (FerretDB has no transactions). */
export class UserStore {
  readonly collection: Collection<UserDoc>;

  constructor(db: Db) {
    this.collection = db.collection<UserDoc>(USERS);
  }

  find(username: string): Promise<UserDoc | null> {
    return this.collection.findOne({ _id: username });
  }

  async list(filter: { role?: Role; unitCode?: string }, page: { skip: number; limit: number }) {
    const query: Filter<UserDoc> = {};
    if (filter.role) query.role = filter.role;
    if (filter.unitCode) query.unitCode = filter.unitCode;
    const [users, total] = await Promise.all([
      this.collection.find(query).sort({ role: 1, _id: 1 }).skip(page.skip).limit(page.limit).toArray(),
      this.collection.countDocuments(query),
    ]);
    return { users, total };
  }

  async create(input: NewUser, now = new Date()): Promise<UserDoc> {
    const doc = await buildUserDoc(input, now);
    try {
      await this.collection.insertOne(doc);
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateUserError(`user ${input.username} exists`);
      throw error;
    }
    return doc;
  }

  /** Inserts the user unless one with that username exists; an existing user is never touched. */
  async createIfMissing(input: NewUser, now = new Date(), passwordHash?: string): Promise<boolean> {
    const doc = await buildUserDoc(input, now, passwordHash);
    const { _id, ...fields } = doc;
    const result = await this.collection.updateOne({ _id }, { $setOnInsert: fields }, { upsert: true });
    return result.upsertedCount === 1;
  }

  async setPassword(username: string, password: string, now = new Date()): Promise<UserDoc | null> {
    const passwordHash = await hashPassword(password);
    return this.collection.findOneAndUpdate(
      { _id: username },
      { $set: { passwordHash, passwordChangedAt: now } },
      { returnDocument: 'after' },
    );
  }
}

/** `passwordHash`, when given, is a hash of `input.password` already made (see `seedUsers`). */
async function buildUserDoc(input: NewUser, now: Date, passwordHash?: string): Promise<UserDoc> {
  if ((input.role === 'bureau') !== Boolean(input.unitCode)) {
    throw new Error(`user ${input.username}: a unit code is required for bureau users and only for them`);
  }
  return {
    _id: input.username,
    name: input.name,
    role: input.role,
    ...(input.unitCode ? { unitCode: input.unitCode } : {}),
    ...(input.outsideKind ? { outsideKind: input.outsideKind } : {}),
    passwordHash: passwordHash ?? (await hashPassword(input.password)),
    createdAt: now,
    passwordChangedAt: now,
  };
}

const isDuplicateKey = isDuplicateKeyError;
