/**
 * Injected into dist/Code.js by esbuild (`inject`): the JavaScript built-ins the bundle uses, read once from the
 * global object into variables of the bundle's own scope. Every later `Date`, `String`, `Map`… is then a closure
 * variable instead of a global lookup: smaller once minified (one letter instead of the name), and fast in a
 * `node:vm` context (the local runtime), where each global lookup goes through the context's interceptor and costs
 * about a microsecond — which had made Check data's cell loop look three times slower than it is. Apps Script's
 * services are not here: they are looked up at call time, as the runtime gives each execution its own.
 */
const g = globalThis;
const Array_ = g.Array;
const Boolean_ = g.Boolean;
const Date_ = g.Date;
const Error_ = g.Error;
const Intl_ = g.Intl;
const JSON_ = g.JSON;
const Map_ = g.Map;
const Math_ = g.Math;
const Number_ = g.Number;
const Object_ = g.Object;
const Reflect_ = g.Reflect;
const RegExp_ = g.RegExp;
const Set_ = g.Set;
const String_ = g.String;
const Symbol_ = g.Symbol;
const TypeError_ = g.TypeError;
const WeakMap_ = g.WeakMap;
const isFinite_ = g.isFinite;
const isNaN_ = g.isNaN;
const parseFloat_ = g.parseFloat;
const parseInt_ = g.parseInt;

export {
  Array_ as Array,
  Boolean_ as Boolean,
  Date_ as Date,
  Error_ as Error,
  Intl_ as Intl,
  JSON_ as JSON,
  Map_ as Map,
  Math_ as Math,
  Number_ as Number,
  Object_ as Object,
  Reflect_ as Reflect,
  RegExp_ as RegExp,
  Set_ as Set,
  String_ as String,
  Symbol_ as Symbol,
  TypeError_ as TypeError,
  WeakMap_ as WeakMap,
  isFinite_ as isFinite,
  isNaN_ as isNaN,
  parseFloat_ as parseFloat,
  parseInt_ as parseInt,
};
