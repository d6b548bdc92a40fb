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
