export { connectStore } from './connection';
export type { Store } from './connection';
export { ensureIndexes, isDuplicateKeyError } from './indexes';
export { upsertNewer } from './versioned';
