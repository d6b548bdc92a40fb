/** Entry points of the rep forms (issue 3): menu handlers that open the sidebars and the api* they call. */
export { apiBootstrap } from './bootstrap';
