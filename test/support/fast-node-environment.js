/**
 * jest's Node environment, but its context gets an ordinary global object (vm.constants.DONT_CONTEXTIFY, Node ≥
 * 20.18) instead of a contextified one whose every global read (Math, Object, Symbol, …) goes through an
 * interceptor V8 cannot cache. Same globals, same isolation per test file; code that reads globals in hot loops
 * (HyperFormula, the runtime) runs at plain Node speed: 3× less CPU for the sample workbook's live-tier formulas.
 */
const vm = require('node:vm');
const { TestEnvironment } = require('jest-environment-node');

class FastNodeEnvironment extends TestEnvironment {
  constructor(config, context) {
    const createContext = vm.createContext;
    vm.createContext = (sandbox, options) =>
      createContext(sandbox === undefined ? vm.constants.DONT_CONTEXTIFY : sandbox, options);
    try {
      super(config, context);
    } finally {
      vm.createContext = createContext;
    }
  }
}
module.exports = FastNodeEnvironment;
