export { supervisionProcess } from './process';
export { pendingItemExtensions } from './reviews';
export * from './projector/index';
export * from './alerts/index';
export { itemsFilter, ItemsQuery, mayRead, supervisionRoutes } from './routes/index';
export { calendarDatesOf, type CalendarDate } from './calendar';
export { overdueOf, overduesOf, overdueRows, type Overdue } from './overdue';
