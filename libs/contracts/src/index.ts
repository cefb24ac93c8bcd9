export * from './lib/roles';
export * from './lib/scopes';
export * from './lib/http';
export * from './lib/auth';
export * from './lib/tenants';
export * from './lib/users';
export * from './lib/api-keys';
export * from './lib/schedules';
