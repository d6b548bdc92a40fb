/** Data entry points (issue 7): CSV import and export, backups. */
export { menuImportCsv, apiPreviewImport, apiImportCustomers } from './import';
export { menuExportCsv, apiExportCsv } from './export';
export { menuBackupNow, apiListBackups } from './backup';
