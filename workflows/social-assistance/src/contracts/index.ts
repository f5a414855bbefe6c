export * from './model';
export * from './commands';
export * from './ids';
export { SocialAssistanceEvents } from './events';
export { SocialAssistanceGrants } from './grants';
