/**
 * Worker thread of an overlapping execution (LocalRuntime.executeConcurrently). Runs the same bundle; every Apps
 * Script global is a handle to an object on the host thread, which owns the one workbook, properties, locks,
 * mail and triggers. A call is a request on a MessagePort; this thread blocks in Atomics.wait until the host
 * answers, then reads the reply with receiveMessageOnPort. Plain JS: workers cannot load TypeScript.
 */
'use strict';
const { workerData, receiveMessageOnPort } = require('node:worker_threads');
const vm = require('node:vm');

const { port, signalBuffer, code, codeCache, filename, fn, args, globals, clock, timeZone } = workerData;
const signal = new Int32Array(signalBuffer);
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const { Buffer: NodeBuffer } = require('node:buffer');

/** Sends a request and blocks until the host replies; repeats it while the host says "wait" (locks, sleep). */
function request(message) {
  let repeat = false;
  for (;;) {
    Atomics.store(signal, 0, 0);
    port.postMessage({ ...message, repeat });
    let reply;
    while (!(reply = receiveMessageOnPort(port))) Atomics.wait(signal, 0, 0, 50);
    const answer = reply.message;
    if (answer.k === 'wait') {
      Atomics.wait(sleeper, 0, 0, answer.ms);
      repeat = true;
      continue;
    }
    if (answer.k === 'error') {
      const error = new Error(answer.message);
      if (answer.name && answer.name !== 'Error') error.name = answer.name;
      throw error;
    }
    return decode(answer.value);
  }
}

const handles = new Map(); // id -> proxy
const handleIds = new WeakMap(); // proxy -> id

function handleProxy(id, methods) {
  if (handles.has(id)) return handles.get(id);
  const methodSet = new Set(methods);
  const cache = new Map();
  const proxy = new Proxy(
    {},
    {
      get(_target, prop) {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        if (cache.has(prop)) return cache.get(prop);
        let value;
        if (methodSet.has(prop))
          value = (...callArgs) => request({ op: 'call', id, m: prop, args: callArgs.map(encode) });
        else {
          value = request({ op: 'get', id, p: prop });
          if (value && value.__callable === true) {
            value = (...callArgs) => request({ op: 'call', id, m: prop, args: callArgs.map(encode) });
          } else return value; // data members may change: not cached
        }
        cache.set(prop, value);
        return value;
      },
      set(_target, prop, value) {
        request({ op: 'set', id, p: String(prop), value: encode(value) });
        return true;
      },
    },
  );
  handles.set(id, proxy);
  handleIds.set(proxy, id);
  return proxy;
}

function decode(encoded) {
  switch (encoded.k) {
    case 'p':
      return encoded.v;
    case 'a':
      return encoded.v.map(decode);
    case 'o': {
      const out = {};
      for (const [key, value] of encoded.v) out[key] = decode(value);
      return out;
    }
    case 'h':
      return handleProxy(encoded.id, encoded.methods);
    case 'f':
      return { __callable: true };
    default:
      throw new Error(`local runtime worker: unknown encoding ${encoded.k}`);
  }
}

function encode(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function')
      throw new Error('local runtime: functions cannot be passed to Apps Script services');
    return { k: 'p', v: value };
  }
  if (handleIds.has(value)) return { k: 'h', id: handleIds.get(value) };
  if (value instanceof Date) return { k: 'p', v: value };
  if (Array.isArray(value)) return { k: 'a', v: value.map(encode) };
  return { k: 'o', v: Object.entries(value).map(([key, item]) => [key, encode(item)]) };
}

// The fake clock, running with real time while executions overlap; local time in the script's time zone.
const realNow = Date.now;
const nowMs = () => clock.baseMs + (realNow() - clock.realStartMs);
require('../script-date.cjs')(globalThis, nowMs, timeZone);
// The script runs in this thread's own realm (its only job), so values cloned in from the host are already
// of the script's realm: no conversion, and `instanceof Date` holds for dates the host sends.
// Apps Script has no Node globals (process, Buffer, setTimeout, fetch, URL, TextEncoder...): keep only what a
// fresh vm context has, as on the host, so the bundle behaves the same in a worker.
const plainGlobals = new Set(vm.runInNewContext('Object.getOwnPropertyNames(globalThis)'));
for (const name of Object.getOwnPropertyNames(globalThis)) {
  if (!plainGlobals.has(name) && name !== 'Date') delete globalThis[name];
}
for (const { name, value } of globals) globalThis[name] = decode(value);
// The host's V8 code cache spares each worker a full parse of the bundle.
new vm.Script(code, {
  filename,
  cachedData: codeCache ? NodeBuffer.from(codeCache) : undefined,
}).runInThisContext();

let outcome;
try {
  const entry = globalThis[fn];
  if (typeof entry !== 'function') throw new Error(`Script function not found: ${fn}`);
  outcome = { op: 'done', ok: true, value: encode(entry(...args.map(decode))) };
} catch (error) {
  outcome = {
    op: 'done',
    ok: false,
    error: {
      message: error && error.message ? error.message : String(error),
      name: error && error.name,
      stack: error && error.stack,
    },
  };
}
port.postMessage(outcome);
port.close();
