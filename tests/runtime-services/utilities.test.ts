import { loadBundle } from '../../runtime/bundle-loader';
import type { FakeSession } from '../../runtime/services/session';
import type { FakeUtilities } from '../../runtime/services/utilities';
import { TEST_BUNDLE } from './test-bundle';

function utilities(): FakeUtilities {
  return loadBundle(TEST_BUNDLE).runtime.globals.Utilities as FakeUtilities;
}

describe('Utilities.formatDate', () => {
  const format = (iso: string, pattern: string, zone = 'Europe/Paris'): string =>
    utilities().formatDate(new Date(iso), zone, pattern);

  it('follows Europe/Paris across the spring DST change (2026-03-29 02:00 → 03:00)', () => {
    expect(format('2026-03-29T00:30:00Z', 'yyyy-MM-dd HH:mm:ss Z')).toBe('2026-03-29 01:30:00 +0100');
    expect(format('2026-03-29T01:30:00Z', 'yyyy-MM-dd HH:mm:ss Z')).toBe('2026-03-29 03:30:00 +0200');
  });

  it('follows Europe/Paris across the autumn DST change (2026-10-25 03:00 → 02:00)', () => {
    expect(format('2026-10-25T00:30:00Z', 'HH:mm XXX')).toBe('02:30 +02:00');
    expect(format('2026-10-25T01:30:00Z', 'HH:mm XXX')).toBe('02:30 +01:00');
  });

  it('puts a UTC evening on the next Paris day', () => {
    expect(format('2026-06-30T22:00:00Z', 'dd/MM/yyyy')).toBe('01/07/2026');
    expect(format('2026-06-30T22:00:00Z', 'dd/MM/yyyy', 'UTC')).toBe('30/06/2026');
    expect(format('2026-06-30T22:00:00Z', 'HH:mm', 'GMT-05:00')).toBe('17:00');
  });

  it('handles short fields, names and quoted literals', () => {
    expect(format('2026-03-29T01:30:00Z', "EEE d MMM yy 'à' H'h'mm")).toBe('Sun 29 Mar 26 à 3h30');
    expect(format('2026-01-05T08:04:09.007Z', "EEEE d MMMM yyyy, h:mm a ''SSS''")).toBe(
      "Monday 5 January 2026, 9:04 AM '007'",
    );
  });

  it('refuses what Google refuses', () => {
    expect(() => format('2026-01-05T08:00:00Z', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(() => format('2026-01-05T08:00:00Z', 'yyyy', 'Europe/Pariss')).toThrow(/timeZone/);
    expect(() => utilities().formatDate('2026-01-05' as unknown as Date, 'Europe/Paris', 'yyyy')).toThrow(
      "Exception: The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe('other Utilities and Session', () => {
  it('computes digests as signed bytes and encodes base64', () => {
    const u = utilities();
    // MD5("abc") = 90 01 50 98 3c d2 4f b0 d6 96 3f 7d 28 e1 7f 72
    expect([...u.computeDigest(u.DigestAlgorithm.MD5, 'abc')].slice(0, 4)).toEqual([-112, 1, 80, -104]);
    expect(u.base64Encode('Élise')).toBe('w4lsaXNl');
    expect(u.newBlob('données').getDataAsString()).toBe('données');
    expect(u.getUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('records sleep without waiting', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    const started = Date.now();
    (bundle.runtime.globals.Utilities as FakeUtilities).sleep(200_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(bundle.runtime.calls.count('Utilities.sleep')).toBe(1);
  });

  it('gives the user, the Paris time zone and the French locale', () => {
    const bundle = loadBundle(TEST_BUNDLE, { userEmail: 'camille.martin@exemple.fr' });
    const session = bundle.runtime.globals.Session as FakeSession;
    expect(session.getActiveUser().getEmail()).toBe('camille.martin@exemple.fr');
    expect(session.getEffectiveUser().getEmail()).toBe('camille.martin@exemple.fr');
    expect(session.getScriptTimeZone()).toBe('Europe/Paris');
    expect(session.getActiveUserLocale()).toBe('fr');
  });
});
