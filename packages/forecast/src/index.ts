export { forecastDocument } from './plan';
export type { Forecast, ForecastItem, ForecastOptions, ItemForecast, StepDurations, WhatIf } from './plan';
export { forecastItemOf } from './items';
export { forecastModule } from './module';
