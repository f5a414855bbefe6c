export * from './model';
export * from './commands';
export * from './ids';
export { LandTransferEvents } from './events';
export { LandTransferGrants } from './grants';
