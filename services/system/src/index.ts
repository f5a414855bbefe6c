export { startSystem } from './system';
export type { RunningSystem, SystemOptions } from './system';
export { importAndStart, BUNDLED_GAZETTE } from './catalog';
export type { CatalogBootstrap } from './catalog';
export { MODULES, PROCESSES } from './processes';
