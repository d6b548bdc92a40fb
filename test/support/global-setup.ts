/** jest globalSetup: one Chromium for the run's browser test files (chromium-server.ts). */
export { startSharedChromium as default } from './chromium-server';
