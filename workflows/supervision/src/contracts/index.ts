export * from './model';
export * from './commands';
export * from './ids';
export { SupervisionEvents } from './events';
export { ArchiveItemSchema, type ArchiveItem } from './lifecycle-events';
export { supervisionStepLabel } from './readmodels';
export type { ItemDoc } from './readmodels';
export { SupervisionGrants } from './grants';
export * from './lifecycle';
