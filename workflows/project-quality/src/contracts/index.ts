export * from './model';
export * from './commands';
export * from './ids';
export { ProjectQualityEvents } from './events';
export { ProjectQualityGrants } from './grants';
export * from './indicators';
