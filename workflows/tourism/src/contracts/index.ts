export * from './model';
export * from './commands';
export * from './ids';
export { TourismEvents } from './events';
export { TourismGrants } from './grants';
