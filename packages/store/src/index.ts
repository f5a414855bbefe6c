export { connectStore } from './connection';
export type { Store } from './connection';
export { MongoHandledEventLedger, HANDLED_EVENTS } from './ledger';
export { ensureIndexes, isDuplicateKeyError } from './indexes';
export { upsertNewer } from './versioned';
