/** The workbook template: sheets and columns, dropdown lists, settings (and the sample data generator). */
export * from './lists';
export * from './workbook';
export * from './settings';
export * from './sample';
