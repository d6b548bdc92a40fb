/** jest globalTeardown: closes the run's shared Chromium (chromium-server.ts). */
export { stopSharedChromium as default } from './chromium-server';
