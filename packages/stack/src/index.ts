export { planFromConfig, mongoUriOf } from './plan';
export type { StackPlan } from './plan';
export { stackUp, stackDown, stackStatus, EngineStartError, EngineNotInstalledError } from './stack';
export type { EngineStatus } from './stack';
