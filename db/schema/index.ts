// One drizzle schema, split by concern; everything is imported from '@/db/schema'.
export * from './people';
export * from './learning';
export * from './lti';
export * from './ops';
