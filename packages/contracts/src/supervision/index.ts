export * from './model';
export * from './commands';
export * from './ids';
export { SupervisionEvents } from './events';
