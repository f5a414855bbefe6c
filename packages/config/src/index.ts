export { loadConfig } from './config';
export type { DubanConfig, Env, StackProfile } from './config';
export { ConfigError } from './errors';
export { jwtSecretFile, resolveJwtSecret } from './secret';
export type { ResolvedSecret } from './secret';
