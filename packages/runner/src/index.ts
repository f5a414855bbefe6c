export { durableArgument, runStandalone } from './standalone';
export type { StandaloneContext, StandaloneService } from './standalone';
