import type { Collection, Db, Filter } from 'mongodb';
import type { Role } from '@duban/contracts';
import { unitByCode, type UnitKind } from '@duban/units';
import { isDuplicateKeyError } from '@duban/store';
import { hashPassword } from './passwords';
import type { Principal } from './principal';

export const USERS = 'users';
/** Every change to a user by someone else (made, disabled): what, whom, who, when (issue 23). */
export const USER_CHANGES = 'user_changes';

/** Who changed a user. */
export interface UserAttribution {
  username: string;
  name: string;
}

export interface UserChangeDoc {
  action: 'user-created' | 'user-disabled';
  username: string;
  unitCode: string | null;
  by: UserAttribution;
  at: Date;
  /** Why a user was disabled. */
  reason?: string;
}

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
  /** A bureau user who is its unit's 督办员: names 承办人 and manages the unit's users (issue 23). */
  unitSupervisor?: boolean;
  passwordHash: string;
  createdAt: Date;
  /** Absent for users seeded at start. */
  createdBy?: UserAttribution;
  passwordChangedAt: Date;
  /** A disabled user cannot sign in, and every token of theirs ends. */
  disabledAt?: Date;
  disabledBy?: UserAttribution;
}

/** What the API shows of a user: never the hash. */
export interface UserView {
  username: string;
  name: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  outsideKind: UnitKind | null;
  unitSupervisor: boolean;
  createdAt: string;
  createdBy: UserAttribution | null;
  passwordChangedAt: string;
  disabledAt: string | null;
  disabledBy: UserAttribution | null;
}

export function toPrincipal(user: UserDoc): Principal {
  return {
    username: user._id,
    name: user.name,
    role: user.role,
    unitCode: user.unitCode ?? null,
    ...(user.outsideKind ? { outside: true } : {}),
    ...(user.unitSupervisor ? { unitSupervisor: true } : {}),
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
    unitSupervisor: user.unitSupervisor === true,
    createdAt: user.createdAt.toISOString(),
    createdBy: user.createdBy ?? null,
    passwordChangedAt: user.passwordChangedAt.toISOString(),
    disabledAt: user.disabledAt?.toISOString() ?? null,
    disabledBy: user.disabledBy ?? null,
  };
}

export interface NewUser {
  username: string;
  name: string;
  role: Role;
  unitCode?: string | null;
  /** Its unit's kind when that is an outside organisation's (OUTSIDE_UNIT_KINDS of @duban/units). */
  outsideKind?: UnitKind | null;
  /** Bureau users only: the unit's 督办员. */
  unitSupervisor?: boolean;
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

  /** Makes a user; with `by`, the maker is kept on the user and in the changes (user_changes). */
  async create(input: NewUser, now = new Date(), by?: UserAttribution): Promise<UserDoc> {
    const doc = { ...(await buildUserDoc(input, now)), ...(by ? { createdBy: by } : {}) };
    try {
      await this.collection.insertOne(doc);
    } catch (error) {
      if (isDuplicateKey(error)) throw new DuplicateUserError(`user ${input.username} exists`);
      throw error;
    }
    if (by) await this.recordChange('user-created', doc, by, now);
    return doc;
  }

  /**
   * Disables an enabled user (one write: the filter makes a second disable find nothing); null
   * when there is no such enabled user.
   */
  async disable(
    username: string,
    by: UserAttribution,
    reason: string,
    now = new Date(),
  ): Promise<UserDoc | null> {
    const doc = await this.collection.findOneAndUpdate(
      { _id: username, disabledAt: { $exists: false } },
      { $set: { disabledAt: now, disabledBy: by } },
      { returnDocument: 'after' },
    );
    if (doc) await this.recordChange('user-disabled', doc, by, now, reason);
    return doc;
  }

  private async recordChange(
    action: UserChangeDoc['action'],
    user: UserDoc,
    by: UserAttribution,
    at: Date,
    reason?: string,
  ) {
    await this.collection.db.collection<UserChangeDoc>(USER_CHANGES).insertOne({
      action,
      username: user._id,
      unitCode: user.unitCode ?? null,
      by,
      at,
      ...(reason ? { reason } : {}),
    });
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
  if (input.unitSupervisor && input.role !== 'bureau') {
    throw new Error(`user ${input.username}: only a bureau user is a unit's 督办员`);
  }
  return {
    _id: input.username,
    name: input.name,
    role: input.role,
    ...(input.unitCode ? { unitCode: input.unitCode } : {}),
    ...(input.outsideKind ? { outsideKind: input.outsideKind } : {}),
    ...(input.unitSupervisor ? { unitSupervisor: true } : {}),
    passwordHash: passwordHash ?? (await hashPassword(input.password)),
    createdAt: now,
    passwordChangedAt: now,
  };
}

const isDuplicateKey = isDuplicateKeyError;
