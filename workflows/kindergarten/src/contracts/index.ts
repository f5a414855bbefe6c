export * from './model';
export * from './commands';
export * from './ids';
export { KindergartenEvents } from './events';
export { CaseGrants, KindergartenGrants } from './grants';
