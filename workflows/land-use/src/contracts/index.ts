export * from './model';
export * from './commands';
export * from './ids';
export { LandUseEvents } from './events';
export { LandUseGrants } from './grants';
