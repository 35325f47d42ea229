import vm from 'node:vm';

/**
 * Replaces the context's Date by a wrapper whose `new Date()` and `Date.now()` read the
 * runtime clock. The wrapper shares Date.prototype, so `instanceof Date` and every Date
 * created by the services still work, and keeps Date.UTC and Date.parse.
 */
const FIXED_CLOCK_SOURCE = `(function (currentTime) {
  'use strict';
  var RealDate = globalThis.Date;
  function FixedClockDate() {
    if (new.target === undefined) return new RealDate(currentTime()).toString();
    // new Date(ms) is the hot path when a script reads many date cells: no arguments array.
    if (new.target === FixedClockDate && arguments.length === 1) return new RealDate(arguments[0]);
    var args = Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args.length === 0 ? [currentTime()] : args, new.target);
  }
  Object.defineProperty(FixedClockDate, 'name', { value: 'Date' });
  FixedClockDate.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: FixedClockDate, writable: true, configurable: true });
  FixedClockDate.now = function now() { return currentTime(); };
  FixedClockDate.UTC = RealDate.UTC;
  FixedClockDate.parse = RealDate.parse;
  globalThis.Date = FixedClockDate;
})`;

/** Makes the context's `new Date()` and `Date.now()` read `clock`. */
export function installClock(context: vm.Context, clock: () => Date): void {
  installMillisClock(context, () => clock().getTime());
}

/** The same with a clock in epoch milliseconds (the interleaving worker keeps a number). */
export function installMillisClock(context: vm.Context, currentTime: () => number): void {
  const install = vm.runInContext(FIXED_CLOCK_SOURCE, context) as (currentTime: () => number) => void;
  install(currentTime);
}

