/** Accessible, correct sidebars in en: the checks are in test/browser/a11y/suite.ts. */
import { a11ySuite } from './a11y/suite';

a11ySuite(['en']);
