export * from './edit';
export * from './finding';
export * from './rule-meta';
export * from './settings';
export * from './file-system';
export * from './paths';
export * from './line-index';
