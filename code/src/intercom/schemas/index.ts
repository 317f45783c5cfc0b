/**
 * zod schemas (and inferred types) for the Intercom 2.16 objects the connector reads.
 * Unknown fields pass through; see common.ts for the policy.
 */
export * from './common';
export * from './admin';
export * from './team';
export * from './tag';
export * from './company';
export * from './contact';
export * from './conversation';
export * from './data-attribute';
export * from './help-center';
export * from './article';
export * from './me';
export * from './lists';
export * from './issues';
export * from './ticket';
