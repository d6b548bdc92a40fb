/**
 * Host side of an overlapping execution: starts a worker thread on the bundle and answers its service calls
 * synchronously from the one set of services on this thread. Service objects cross as handles (ids); data
 * (primitives, dates, arrays, plain objects) crosses by structured clone. A call that must wait (waitLock,
 * sleep) is answered "wait N ms and repeat": this thread never blocks, so it can serve every worker.
 */
import * as path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { WouldBlock } from '../errors';
import type { Execution } from '../execution';
import { classNameOf, type Membrane } from '../membrane';

type Encoded =
  | { k: 'p'; v: unknown }
  | { k: 'a'; v: Encoded[] }
  | { k: 'o'; v: [string, Encoded][] }
  | { k: 'h'; id: number; methods?: string[] }
  | { k: 'f' };

interface Request {
  op: 'call' | 'get' | 'set' | 'done';
  id: number;
  m: string;
  p: string;
  args: Encoded[];
  value: Encoded;
  repeat: boolean;
  ok: boolean;
  error: { message: string; name?: string; stack?: string };
}

export interface WorkerTask {
  code: string;
  /** V8 code cache of `code` (vm.Script#createCachedData), so workers skip the parse. */
  codeCache?: Uint8Array;
  filename: string;
  fn: string;
  args: unknown[];
  /** Apps Script globals, already wrapped by the execution's membrane (so calls are counted). */
  globals: Record<string, object>;
  clock: { baseMs: number; realStartMs: number };
  timeZone: string;
  execution: Execution;
  membrane: Membrane;
  /** 'Class.method' → real ms each such call takes (the reply waits that long). */
  slowCalls?: Record<string, number>;
}

export interface WorkerOutcome {
  value?: unknown;
  error?: Error;
}

const WORKER_FILE = path.join(__dirname, 'worker.cjs');

function isData(value: unknown): boolean {
  return (
    value === null || (typeof value !== 'object' && typeof value !== 'function') || value instanceof Date
  );
}

/** Names of the methods of a service object (own and inherited), so the worker can call them directly. */
function methodNames(target: object): string[] {
  const names = new Set<string>();
  for (
    let obj: object | null = target;
    obj && obj !== Object.prototype;
    obj = Object.getPrototypeOf(obj) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(obj)) {
      if (name === 'constructor') continue;
      const descriptor = Object.getOwnPropertyDescriptor(obj, name);
      if (descriptor && typeof descriptor.value === 'function') names.add(name);
    }
  }
  return [...names];
}

export function runInWorker(task: WorkerTask): Promise<WorkerOutcome> {
  const { membrane, execution } = task;
  const handles = new Map<number, object>();
  const ids = new Map<object, number>();

  const encode = (value: unknown): Encoded => {
    if (typeof value === 'function') return { k: 'f' };
    if (isData(value)) return { k: 'p', v: value };
    if (Array.isArray(value)) {
      // Fast path for 2-D values: plain data is cloned as is.
      if (value.every((item) => isData(item) || (Array.isArray(item) && item.every(isData))))
        return { k: 'p', v: value };
      return { k: 'a', v: value.map(encode) };
    }
    const object = value as object;
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto === Object.prototype || proto === null) {
      return {
        k: 'o',
        v: Object.entries(object).map(([key, item]): [string, Encoded] => [key, encode(item)]),
      };
    }
    let id = ids.get(object);
    if (id === undefined) {
      id = ids.size + 1;
      ids.set(object, id);
      handles.set(id, object);
    }
    return { k: 'h', id, methods: methodNames(membrane.unwrap(object) as object) };
  };

  const decode = (encoded: Encoded): unknown => {
    switch (encoded.k) {
      case 'p':
        return encoded.v;
      case 'a':
        return encoded.v.map(decode);
      case 'o':
        return Object.fromEntries(encoded.v.map(([key, item]) => [key, decode(item)]));
      case 'h': {
        const handle = handles.get(encoded.id);
        if (!handle) throw new Error(`local runtime: unknown handle ${encoded.id}`);
        return handle;
      }
      default:
        throw new Error('local runtime: functions cannot be passed to Apps Script services');
    }
  };

  const answer = (request: Request): unknown => {
    const target = handles.get(request.id) as Record<string, unknown> | undefined;
    if (!target) throw new Error(`local runtime: unknown handle ${request.id}`);
    if (request.op === 'call') {
      const method = target[request.m];
      if (typeof method !== 'function') throw new TypeError(`${request.m} is not a function`);
      return (method as (...args: unknown[]) => unknown)(...request.args.map(decode));
    }
    if (request.op === 'get') return target[request.p];
    target[request.p] = decode(request.value);
    return undefined;
  };

  const { port1, port2 } = new MessageChannel();
  const signalBuffer = new SharedArrayBuffer(4);
  const signal = new Int32Array(signalBuffer);
  const globals = Object.entries(task.globals).map(([name, value]) => ({ name, value: encode(value) }));

  return new Promise<WorkerOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: WorkerOutcome): void => {
      if (settled) return;
      settled = true;
      port1.close();
      resolve(outcome);
    };
    port1.on('message', (request: Request) => {
      if (request.op === 'done') {
        if (request.ok) settle({ value: membrane.toHost(decode(request.value)) });
        else {
          const error = new Error(request.error.message);
          if (request.error.name && request.error.name !== 'Error') error.name = request.error.name;
          if (request.error.stack) error.stack = request.error.stack;
          settle({ error });
        }
        return;
      }
      let reply: unknown;
      execution.repeating = request.repeat;
      try {
        reply = { k: 'ok', value: encode(answer(request)) };
      } catch (error) {
        if (error instanceof WouldBlock) reply = { k: 'wait', ms: error.waitMs };
        else {
          const e = error instanceof Error ? error : new Error(String(error));
          reply = { k: 'error', message: e.message, name: e.name };
        }
      } finally {
        execution.repeating = false;
      }
      const send = (): void => {
        port1.postMessage(reply);
        Atomics.store(signal, 0, 1);
        Atomics.notify(signal, 0);
      };
      const target = request.op === 'call' ? handles.get(request.id) : undefined;
      const slowMs = target
        ? (task.slowCalls?.[`${classNameOf(membrane.unwrap(target) as object)}.${request.m}`] ?? 0)
        : 0;
      // The worker is blocked on this reply: answering later makes the call itself slow, nothing else.
      if (slowMs > 0) setTimeout(send, slowMs);
      else send();
    });
    const worker = new Worker(WORKER_FILE, {
      workerData: {
        port: port2,
        signalBuffer,
        code: task.code,
        codeCache: task.codeCache,
        filename: task.filename,
        fn: task.fn,
        args: task.args.map(encode),
        globals,
        clock: task.clock,
        timeZone: task.timeZone,
      },
      transferList: [port2],
    });
    worker.on('error', (error) => settle({ error }));
    worker.on('exit', (code) => {
      // 'done' arrives before the exit; give the port a turn to deliver it.
      setTimeout(
        () => settle({ error: new Error(`local runtime: worker exited (code ${code}) without finishing`) }),
        100,
      );
    });
  });
}
