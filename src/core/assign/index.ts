/** Lead assignment (issue 5): pure model, rules, smooth weighted round robin, undo decisions. */
export * from './model';
export * from './rotation';
export * from './plan';
export * from './undo';
export * from './fingerprint';
export * from './describe';
export * from './view';
export * from './mail';
export * from './intake';
export * from './state';
// Issue 14: SLA return, routing to the account owner, per-day caps.
export * from './freemail';
export * from './account';
export * from './sla';
export * from './daily';
export * from './route';
