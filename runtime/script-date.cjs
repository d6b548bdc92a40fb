/**
 * The script's `Date`, as Apps Script gives it: "now" is the runtime's fake clock, and every local-time member
 * (getHours, getDate, new Date(y, m, d), setHours, toString, ...) works in the script's time zone, as Apps Script
 * runs scripts in the project's time zone — whatever the time zone of the Node process.
 * Installed into the vm context of the host (runtime/sandbox.ts) and into each worker thread's realm.
 * Plain JS: it is evaluated inside those realms, and workers cannot load TypeScript.
 */
'use strict';
module.exports = function installScriptDate(global, nowMs, timeZone) {
  var RealDate = global.Date;
  var RealDateTimeFormat0 = global.Intl.DateTimeFormat;
  var P = RealDate.prototype;
  var getTime = P.getTime;
  var setTime = P.setTime;
  var native = {
    getFullYear: P.getFullYear,
    getMonth: P.getMonth,
    getDate: P.getDate,
    getHours: P.getHours,
    getMinutes: P.getMinutes,
    getSeconds: P.getSeconds,
    getMilliseconds: P.getMilliseconds,
    toLocaleString: P.toLocaleString,
    toLocaleDateString: P.toLocaleDateString,
    toLocaleTimeString: P.toLocaleTimeString,
  };
  // Built on first use: an Intl.DateTimeFormat with a time zone costs ~0.3 ms, and most executions never need it.
  var format = null;
  var formatOptions = {
    timeZone: timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
    era: 'short',
  };
  var WEEKDAY = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
  var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

  function utc(y, mo, d, h, mi, s, ms) {
    var date = new RealDate(0);
    date.setUTCFullYear(y, mo, d);
    date.setUTCHours(h, mi, s, ms);
    return getTime.call(date);
  }

  var lastMs = NaN;
  var lastParts = null;
  /** [year, month0, day, hour, minute, second, ms, weekday (Sun=0), offset minutes east of UTC] in the zone. */
  function parts(ms) {
    if (ms !== ms) return null;
    if (ms === lastMs) return lastParts;
    var p = {};
    if (!format) format = new RealDateTimeFormat0('en-US', formatOptions);
    format.formatToParts(new RealDate(ms)).forEach(function (part) {
      p[part.type] = part.value;
    });
    var year = Number(p.year);
    if (p.era === 'BC' || p.era === 'B') year = 1 - year;
    var r = [
      year,
      Number(p.month) - 1,
      Number(p.day),
      Number(p.hour) % 24,
      Number(p.minute),
      Number(p.second),
      ((ms % 1000) + 1000) % 1000,
      WEEKDAY[p.weekday],
    ];
    r.push(Math.round((utc(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) - ms) / 60000));
    lastMs = ms;
    lastParts = r;
    return r;
  }

  /** The instant of a wall-clock time in the zone (two passes settle daylight-saving changes). */
  function fromLocal(y, mo, d, h, mi, s, ms) {
    var guess = utc(y, mo, d, h, mi, s, ms);
    if (guess !== guess) return NaN;
    var t = guess - parts(guess)[8] * 60000;
    return guess - parts(t)[8] * 60000;
  }

  var LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
  var HAS_ZONE = /(Z|GMT|UTC|[+-]\d{2}:?\d{2})\s*(\(.*\))?$/i;
  var DATE_ONLY_ISO = /^\d{4}-\d{2}(-\d{2})?$/;

  function parse(text) {
    var s = String(text).trim();
    var m = LOCAL_ISO.exec(s);
    if (m)
      return fromLocal(
        +m[1],
        +m[2] - 1,
        +m[3],
        +m[4],
        +m[5],
        +(m[6] || 0),
        +((m[7] || '0') + '00').slice(0, 3),
      );
    var ms = RealDate.parse(s);
    if (ms !== ms || DATE_ONLY_ISO.test(s) || HAS_ZONE.test(s)) return ms;
    // Parsed as the Node process's local time: read those wall-clock fields back and place them in the zone.
    var d = new RealDate(ms);
    return fromLocal(
      native.getFullYear.call(d),
      native.getMonth.call(d),
      native.getDate.call(d),
      native.getHours.call(d),
      native.getMinutes.call(d),
      native.getSeconds.call(d),
      native.getMilliseconds.call(d),
    );
  }

  /**
   * A Date of `ms` for `new.target`. `new Date(…)` itself (new.target is ScriptDate) gets a plain Date: its prototype
   * is the same (ScriptDate.prototype is Date.prototype), but V8 handles it as fast as the ordinary Dates Apps
   * Script's getValues() gives, where one made by Reflect.construct with ScriptDate as new.target was three times
   * slower to test with instanceof and read (Check data's 230 000 date cells). Subclasses keep their own prototype.
   */
  function construct(ms, newTarget) {
    return newTarget === ScriptDate ? new RealDate(ms) : Reflect.construct(RealDate, [ms], newTarget);
  }

  function ScriptDate(a0, a1, a2, a3, a4, a5, a6) {
    var n = arguments.length;
    if (!new.target) return new ScriptDate().toString();
    var ms;
    if (n === 0) ms = nowMs();
    else if (n === 1) {
      // A number, a Date or another object: the real Date's own conversion.
      ms = typeof a0 === 'number' ? a0 : typeof a0 === 'string' ? parse(a0) : getTime.call(new RealDate(a0));
    } else {
      var y = Number(a0);
      if (y >= 0 && y <= 99 && Math.floor(y) === y) y += 1900;
      ms = fromLocal(
        y,
        Number(a1),
        n > 2 ? Number(a2) : 1,
        n > 3 ? Number(a3) : 0,
        n > 4 ? Number(a4) : 0,
        n > 5 ? Number(a5) : 0,
        n > 6 ? Number(a6) : 0,
      );
    }
    return construct(ms, new.target);
  }
  ScriptDate.prototype = P;
  ScriptDate.now = function now() {
    return nowMs();
  };
  ScriptDate.parse = parse;
  ScriptDate.UTC = RealDate.UTC;

  function define(name, fn) {
    Object.defineProperty(P, name, { value: fn, writable: true, configurable: true });
  }
  function partsOf(date) {
    return parts(getTime.call(date));
  }
  function getter(index) {
    return function () {
      var r = partsOf(this);
      return r ? r[index] : NaN;
    };
  }
  define('constructor', ScriptDate);
  define('getFullYear', getter(0));
  define('getMonth', getter(1));
  define('getDate', getter(2));
  define('getHours', getter(3));
  define('getMinutes', getter(4));
  define('getSeconds', getter(5));
  define('getDay', getter(7));
  define('getYear', function () {
    var r = partsOf(this);
    return r ? r[0] - 1900 : NaN;
  });
  define('getTimezoneOffset', function () {
    var r = partsOf(this);
    return r ? -r[8] : NaN;
  });

  /** Changes some wall-clock fields in the zone; `apply` receives [y, mo, d, h, mi, s, ms] and the arguments. */
  function setter(apply) {
    return function () {
      var r = partsOf(this) || parts(0);
      var c = r.slice(0, 7);
      apply(c, arguments);
      return setTime.call(this, fromLocal(c[0], c[1], c[2], c[3], c[4], c[5], c[6]));
    };
  }
  function assign(c, args, first) {
    for (var i = 0; i < args.length && first + i < 7; i++) c[first + i] = Number(args[i]);
  }
  define(
    'setFullYear',
    setter(function (c, a) {
      assign(c, a, 0);
    }),
  );
  define(
    'setMonth',
    setter(function (c, a) {
      assign(c, a, 1);
    }),
  );
  define(
    'setDate',
    setter(function (c, a) {
      assign(c, a, 2);
    }),
  );
  define(
    'setHours',
    setter(function (c, a) {
      assign(c, a, 3);
    }),
  );
  define(
    'setMinutes',
    setter(function (c, a) {
      assign(c, a, 4);
    }),
  );
  define(
    'setSeconds',
    setter(function (c, a) {
      assign(c, a, 5);
    }),
  );
  define(
    'setYear',
    setter(function (c, a) {
      var y = Number(a[0]);
      c[0] = y >= 0 && y <= 99 ? y + 1900 : y;
    }),
  );

  function pad(n, width) {
    var s = String(Math.abs(n));
    while (s.length < width) s = '0' + s;
    return (n < 0 ? '-' : '') + s;
  }
  function dateText(r) {
    return DAYS[r[7]] + ' ' + MONTHS[r[1]] + ' ' + pad(r[2], 2) + ' ' + pad(r[0], 4);
  }
  function timeText(r) {
    var off = Math.abs(r[8]);
    return (
      pad(r[3], 2) +
      ':' +
      pad(r[4], 2) +
      ':' +
      pad(r[5], 2) +
      ' GMT' +
      (r[8] < 0 ? '-' : '+') +
      pad(Math.floor(off / 60), 2) +
      pad(off % 60, 2)
    );
  }
  define('toString', function () {
    var r = partsOf(this);
    return r ? dateText(r) + ' ' + timeText(r) : 'Invalid Date';
  });
  define('toDateString', function () {
    var r = partsOf(this);
    return r ? dateText(r) : 'Invalid Date';
  });
  define('toTimeString', function () {
    var r = partsOf(this);
    return r ? timeText(r) : 'Invalid Date';
  });
  ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'].forEach(function (name) {
    define(name, function (locales, options) {
      var merged = Object.assign({ timeZone: timeZone }, options || {});
      return native[name].call(this, locales, merged);
    });
  });

  // Intl formats without a timeZone option use the script's time zone too.
  var RealDateTimeFormat = global.Intl.DateTimeFormat;
  function ScriptDateTimeFormat(locales, options) {
    var merged = Object.assign({ timeZone: timeZone }, options || {});
    return new RealDateTimeFormat(locales, merged);
  }
  ScriptDateTimeFormat.prototype = RealDateTimeFormat.prototype;
  ScriptDateTimeFormat.supportedLocalesOf = RealDateTimeFormat.supportedLocalesOf;
  Object.defineProperty(global.Intl, 'DateTimeFormat', {
    value: ScriptDateTimeFormat,
    writable: true,
    configurable: true,
  });

  Object.defineProperty(global, 'Date', { value: ScriptDate, writable: true, configurable: true });
  return ScriptDate;
};
