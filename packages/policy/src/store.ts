// Policy settings in MongoDB: the changes are the record. A setting's value is its latest change,
// or its default when it was never changed. FerretDB 1.x has no transactions: a change is one
// insert whose _id is the setting's next sequence number, so two administrators changing the same
// setting at once cannot both win (the second gets a duplicate key and is told to reload).
import type { Db } from 'mongodb';
import { ensureIndexes, isDuplicateKeyError } from '@duban/store';
import {
  POLICY_SETTINGS,
  policySetting,
  type PolicyKey,
  type PolicySettingDefinition,
  type PolicyValue,
} from './settings';

export const POLICY_CHANGES = 'policy_setting_changes';

/** Who changed a setting: the administrator's account, name, role and unit (if any). */
export interface PolicyChangeAuthor {
  username: string;
  name: string;
  role: string;
  unitCode: string | null;
}

export interface PolicyChangeDoc {
  /** `<key>#<sequence>`: the sequence makes concurrent changes of one setting collide. */
  _id: string;
  key: string;
  sequence: number;
  from: PolicyValue;
  to: PolicyValue;
  reason: string;
  by: PolicyChangeAuthor;
  at: Date;
}

export interface PolicySettingState {
  value: PolicyValue;
  /** The latest change, or null while the default holds. */
  lastChange: PolicyChangeDoc | null;
}

/** A change that lost to a concurrent one (the API answers 409). */
export class PolicyChangeConflict extends Error {
  override readonly name = 'PolicyChangeConflict';
}

const changes = (db: Db) => db.collection<PolicyChangeDoc>(POLICY_CHANGES);

/** Indexes made once per database the first time a setting is changed (retried after a failure). */
const indexed = new WeakMap<Db, Promise<void>>();
function ensurePolicyIndexes(db: Db): Promise<void> {
  let made = indexed.get(db);
  if (!made) {
    made = ensureIndexes(changes(db), [{ name: 'key_sequence', key: { key: 1, sequence: -1 } }]);
    made.catch(() => indexed.delete(db));
    indexed.set(db, made);
  }
  return made;
}

async function latestChange(db: Db, key: string): Promise<PolicyChangeDoc | null> {
  return changes(db).find({ key }).sort({ sequence: -1 }).limit(1).next();
}

/** Every setting of the registry with its current value. */
export async function currentPolicy(
  db: Db,
): Promise<{ setting: PolicySettingDefinition; state: PolicySettingState }[]> {
  return Promise.all(
    POLICY_SETTINGS.map(async (setting) => ({ setting, state: await settingState(db, setting) })),
  );
}

export async function settingState(db: Db, setting: PolicySettingDefinition): Promise<PolicySettingState> {
  const last = await latestChange(db, setting.key);
  return { value: last ? last.to : setting.defaultValue, lastChange: last };
}

/** The value a service passes to a workflow it starts now. */
export async function policyValue(db: Db, setting: PolicySettingDefinition): Promise<PolicyValue> {
  return (await settingState(db, setting)).value;
}

/** Records a change (the caller validated the value); returns it. */
export async function changePolicySetting(
  db: Db,
  setting: PolicySettingDefinition,
  change: { to: PolicyValue; reason: string; by: PolicyChangeAuthor; at: Date },
): Promise<PolicyChangeDoc> {
  await ensurePolicyIndexes(db);
  const last = await latestChange(db, setting.key);
  const sequence = (last?.sequence ?? 0) + 1;
  const doc: PolicyChangeDoc = {
    _id: `${setting.key}#${sequence}`,
    key: setting.key,
    sequence,
    from: last ? last.to : setting.defaultValue,
    ...change,
  };
  try {
    await changes(db).insertOne(doc);
  } catch (error) {
    if (isDuplicateKeyError(error))
      throw new PolicyChangeConflict(`${setting.label}刚被他人修改，请刷新后重试`);
    throw error;
  }
  return doc;
}

/** The changes of one setting, newest first. */
export async function policyHistory(db: Db, key: string): Promise<PolicyChangeDoc[]> {
  return changes(db).find({ key }).sort({ sequence: -1 }).toArray();
}

/** A numeric setting's current value, for a service that passes it in a start input. */
export async function policyNumber(db: Db, key: PolicyKey): Promise<number> {
  const setting = policySetting(key);
  const value = setting ? await policyValue(db, setting) : undefined;
  if (typeof value !== 'number') throw new Error(`policy setting ${key} is not a number`);
  return value;
}

/**
 * A setting's value only once an administrator changed it; undefined while its default holds, so
 * that a deployment's own default (an environment variable) still applies until then.
 */
export async function policyOverride(db: Db, key: PolicyKey): Promise<PolicyValue | undefined> {
  return (await latestChange(db, key))?.to;
}

/** A date setting's current value (YYYY-MM-DD), for a service that passes it in a start input. */
export async function policyDate(db: Db, key: PolicyKey): Promise<string> {
  const setting = policySetting(key);
  const value = setting ? await policyValue(db, setting) : undefined;
  if (typeof value !== 'string') throw new Error(`policy setting ${key} is not a date`);
  return value;
}
