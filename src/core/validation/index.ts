/** The one module of data checks: field rules, whole-workbook check, and the form schemas built from them. */
export * from './fields';
export * from './phone';
export * from './workbook';
export * from './schemas';
