/**
 * One interleaved execution's thread. It runs the bundle in a fresh node:vm context per
 * execution, exactly as loadBundle does, but its Apps Script globals are stand-ins: every method
 * call posts the call to the main thread and blocks (Atomics.wait) until the scheduler has let it
 * run. So the bundle's stack is really suspended at each service call while other executions go
 * on, as on Google where each execution has its own server. Bundled by esbuild when a pool starts.
 */
import vm from 'node:vm';
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { installMillisClock } from '../fixed-clock';
import {
  type CallReply,
  fromWire,
  type StartMessage,
  toWire,
  type WireError,
  type WireHandle,
  type WorkerMessage,
  wireErrorOf,
} from './wire-values';

interface WorkerSetup {
  code: string;
  filename: string;
  cachedData?: Uint8Array;
  signal: SharedArrayBuffer;
  replies: MessagePort;
}

const setup = workerData as WorkerSetup;
const signal = new Int32Array(setup.signal);
const script = new vm.Script(setup.code, {
  filename: setup.filename,
  cachedData: setup.cachedData ? Buffer.from(setup.cachedData) : undefined,
});
const port = parentPort!;

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

function runExecution(start: StartMessage): void {
  const sandbox: Record<string, unknown> = {};
  const context = vm.createContext(sandbox, { name: 'Apps Script', codeGeneration: { strings: true, wasm: false } });
  const realm = vm.runInContext('({ Date, Array, Object, Error, TypeError })', context) as {
    Date: DateConstructor;
    Array: ArrayConstructor;
    Object: ObjectConstructor;
    Error: ErrorConstructor;
    TypeError: TypeErrorConstructor;
  };
  // The clock moves only at service calls: each reply carries the scheduler's virtual time.
  let now = start.now;
  installMillisClock(context, () => now);

  const stubs = new Map<number, object>();
  const handleOfStub = new WeakMap<object, number>();
  const handleOf = (value: object): { $h: number } => {
    const id = handleOfStub.get(value);
    if (id === undefined) throw new TypeError('Only Apps Script objects and plain data can be passed to a service.');
    return { $h: id };
  };
  const decode = (value: unknown): unknown => fromWire(value, realm, stubFor);

  const rebuildError = (error: WireError): Error => {
    const rebuilt = new (error.typeError ? realm.TypeError : realm.Error)(error.message);
    if (rebuilt.name !== error.name) Object.defineProperty(rebuilt, 'name', { value: error.name, writable: true, configurable: true });
    if (error.stack !== undefined) Object.defineProperty(rebuilt, 'stack', { value: error.stack, writable: true, configurable: true });
    return rebuilt;
  };

  const invoke = (handle: number, method: string, args: unknown[]): unknown => {
    let encoded: unknown[];
    try {
      encoded = args.map((arg) => toWire(arg, handleOf));
    } catch (error) {
      throw rebuildError(wireErrorOf(error));
    }
    Atomics.store(signal, 0, 0);
    post({ kind: 'call', handle, method, args: encoded });
    Atomics.wait(signal, 0, 0);
    // The flag can be seen before the reply is in the port's queue: wait for the message itself.
    let received = receiveMessageOnPort(setup.replies);
    while (received === undefined) {
      Atomics.wait(signal, 1, 0, 1);
      received = receiveMessageOnPort(setup.replies);
    }
    const reply = received.message as CallReply;
    now = reply.now;
    if ('error' in reply) throw rebuildError(reply.error);
    return decode(reply.value);
  };

  // A class's methods live once on a shared prototype; each stub only knows its handle.
  const shapes = new Map<number, object>();
  const stubMethods = (target: Record<string, unknown>, methods: readonly string[]): void => {
    for (const method of methods) {
      target[method] = function (this: object, ...args: unknown[]): unknown {
        return invoke(handleOf(this).$h, method, args);
      };
    }
  };

  function stubFor(handle: WireHandle): object {
    const known = stubs.get(handle.$h);
    if (known !== undefined) return known;
    let stub: Record<string, unknown>;
    if (handle.shape !== undefined) {
      let proto = shapes.get(handle.shape);
      if (proto === undefined) {
        proto = new realm.Object() as object;
        stubMethods(proto as Record<string, unknown>, handle.methods ?? []);
        shapes.set(handle.shape, proto);
      }
      stub = realm.Object.create(proto) as Record<string, unknown>;
    } else {
      stub = new realm.Object() as Record<string, unknown>;
      stubMethods(stub, handle.methods ?? []);
    }
    for (const [key, value] of Object.entries(handle.props ?? {})) stub[key] = decode(value);
    stubs.set(handle.$h, stub);
    handleOfStub.set(stub, handle.$h);
    return stub;
  }

  for (const [name, handle] of Object.entries(start.globals)) sandbox[name] = stubFor(handle);
  const preexisting = new Set(Object.keys(sandbox));
  try {
    script.runInContext(context);
    const fn = sandbox[start.functionName];
    if (preexisting.has(start.functionName) || typeof fn !== 'function') {
      throw new Error(`Script function not found: ${start.functionName}`);
    }
    const result = (fn as (...a: unknown[]) => unknown)(...(decode(start.args) as unknown[]));
    post({ kind: 'done', result: toWire(result, handleOf) });
  } catch (error) {
    post({ kind: 'threw', error: wireErrorOf(error) });
  }
}

port.on('message', (message: StartMessage) => runExecution(message));
