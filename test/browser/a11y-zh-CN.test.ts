/** Accessible, correct sidebars in zh-CN: the checks are in test/browser/a11y/suite.ts. */
import { a11ySuite } from './a11y/suite';

a11ySuite(['zh-CN']);
