/** Merge duplicates (issue 14 §5), the pure part: keys, groups, decisions, applying and undoing, state, view. */
export * from './apply';
export * from './cells';
export * from './groups';
export * from './keys';
export * from './plan';
export * from './state';
export * from './view';
