export * from './common';
export * from './extraction';
export * from './attachments';
export * from './loading';
export * from './mappers';
export * from './state';
export * from './workers';
export * from './external-domain-metadata';
