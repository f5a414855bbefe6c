export { planFromConfig, mongoUriOf } from './plan';
export type { StackPlan } from './plan';
export { stackUp, stackDown, stackStatus, EngineStartError, EngineNotInstalledError } from './stack';
export type { EngineStatus } from './stack';
export { Supervisor } from './supervisor';
export type { SupervisorOptions, ReadyMessage } from './supervisor';
export { readSupervision, stopSupervisor, supervisionFile } from './supervision-state';
export type { SupervisionState, SupervisedPart, PartState } from './supervision-state';
