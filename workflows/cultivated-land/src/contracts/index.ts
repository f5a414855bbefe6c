export * from './model';
export * from './commands';
export * from './ids';
export { CultivatedEvents } from './events';
export {
  AssessmentGrants,
  CultivatedLandGrants,
  RectificationGrants,
  RectificationStepGrant,
} from './grants';
