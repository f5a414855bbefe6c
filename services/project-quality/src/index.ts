export { projectQualityProcess } from './process';
export { projectQualityReadModel, startProjectQualityServices } from './service';
