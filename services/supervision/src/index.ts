export { supervisionProcess } from './process';
export { pendingItemExtensions } from './reviews';
