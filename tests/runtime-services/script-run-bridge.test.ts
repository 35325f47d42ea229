import { loadBundle } from '../../runtime/bundle-loader';
import { createScriptRunBridge } from '../../runtime/script-run-bridge';
import { TEST_BUNDLE } from './test-bundle';

/** [1, <empty>, 3], built without a literal hole. */
function sparseArray(): number[] {
  const items = new Array<number>(3);
  items[0] = 1;
  items[2] = 3;
  return items;
}

function bridge() {
  const bundle = loadBundle(TEST_BUNDLE);
  return { bundle, run: createScriptRunBridge(bundle).run };
}

describe('google.script.run bridge', () => {
  it('passes nested primitives, copied into the server realm, and drops undefined properties', () => {
    const { run } = bridge();
    const form = { name: 'Camille Martin', tags: ['RSA', 3.5, true, null], address: { city: { name: 'Lyon' } }, note: undefined };
    expect(run('saveParticipant', [form])).toEqual({
      received: { name: 'Camille Martin', tags: ['RSA', 3.5, true, null], address: { city: { name: 'Lyon' } } },
      tagsIsArray: true,
      plainInServerRealm: true,
    });
  });

  it('returns host-realm values', () => {
    const { run } = bridge();
    const result = run('saveParticipant', [{ tags: [] }]) as { received: object };
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(result.received)).toBe(Object.prototype);
  });

  it('never lets the server touch the client objects', () => {
    const { run } = bridge();
    const form = { name: 'Camille Martin', tags: ['RSA'] };
    expect(run('mutateArgument', [form])).toBe('modifié');
    expect(form).toEqual({ name: 'Camille Martin', tags: ['RSA'] });
  });

  it.each([
    [[{ name: 'Camille Martin', birthDate: new Date('1990-05-12') }], 'args[0].birthDate is a Date'],
    [['x', { onDone: () => undefined }], 'args[1].onDone is a function'],
    [[{ items: ['a', undefined] }], 'args[0].items[1] is undefined'],
    [[{ items: sparseArray() }], 'args[0].items[1] is an empty array slot'],
    [[{ seen: new Map() }], 'args[0].seen is a Map'],
    [[new (class Participant {})()], 'args[0] is an instance of Participant'],
    [[{ ratio: Number.NaN }], 'args[0].ratio is the non-finite number NaN'],
    [[undefined], 'args[0] is undefined'],
  ])('refuses an illegal argument (%#)', (args, message) => {
    const { bundle, run } = bridge();
    expect(() => run('saveParticipant', args)).toThrow(message);
    expect(bundle.runtime.calls.count()).toBe(0);
  });

  it('refuses circular structures', () => {
    const { run } = bridge();
    const form: Record<string, unknown> = { name: 'Camille Martin' };
    form['self'] = form;
    expect(() => run('saveParticipant', [form])).toThrow('args[0].self is a circular reference');
  });

  it('refuses private, unknown and non-script functions like Google', () => {
    const { run } = bridge();
    expect(() => run('cliReport_', [])).toThrow('Script function not found: cliReport_');
    expect(() => run('doesNotExist', [])).toThrow('Script function not found: doesNotExist');
    expect(() => run('Date', [])).toThrow('Script function not found: Date');
  });

  it('refuses a returned Date, naming its path', () => {
    const { run } = bridge();
    expect(() => run('participantWithDate', [])).toThrow('result.birthDate is a Date');
  });

  it('returns undefined for a function that returns nothing', () => {
    const { run } = bridge();
    expect(run('nothing', [])).toBeUndefined();
  });
});
