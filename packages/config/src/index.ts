export { loadConfig } from './config';
export type { DubanConfig, Env } from './config';
export { ConfigError } from './errors';
