import { loadBundle } from '../../runtime/bundle-loader';
import type { FakeMailApp } from '../../runtime/services/mail-app';
import type { FakeScriptApp } from '../../runtime/services/script-app';
import { createSpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { TEST_BUNDLE } from './test-bundle';

describe('ScriptApp triggers', () => {
  it('creates, lists and deletes a daily trigger', () => {
    const model = createSpreadsheetModel();
    const bundle = loadBundle(TEST_BUNDLE, { model, userEmail: 'camille.martin@exemple.fr' });
    expect(bundle.call('installDailyTrigger')).toBe('1');
    expect(bundle.runtime.triggers.list()).toEqual([
      {
        uniqueId: '1',
        handlerFunction: 'sendDigest',
        ownerEmail: 'camille.martin@exemple.fr',
        source: 'CLOCK',
        eventType: 'CLOCK',
        schedule: 'everyDays(1) atHour(6)',
      },
    ]);
    // Another user of the same spreadsheet does not see (nor delete) Camille's trigger.
    const other = loadBundle(TEST_BUNDLE, { model, userEmail: 'louis.bernard@exemple.fr' });
    expect(other.call('removeTriggers')).toBe(0);
    expect(bundle.call('removeTriggers')).toBe(1);
    expect(bundle.runtime.triggers.list()).toEqual([]);
  });

  it('exposes the enums and refuses trigger management outside AuthMode FULL', () => {
    const bundle = loadBundle(TEST_BUNDLE, { authMode: 'LIMITED' });
    const scriptApp = bundle.runtime.globals.ScriptApp as FakeScriptApp;
    expect(scriptApp.AuthMode.NONE).toBe('NONE');
    expect(scriptApp.AuthMode.CUSTOM_FUNCTION).toBe('CUSTOM_FUNCTION');
    expect(() => bundle.call('installDailyTrigger')).toThrow(/permission to call ScriptApp.newTrigger/);
    expect(() => scriptApp.getOAuthToken()).toThrow(/not available/);
  });

  it('refuses a clock trigger without a schedule and more than 20 triggers', () => {
    const scriptApp = loadBundle(TEST_BUNDLE).runtime.globals.ScriptApp as FakeScriptApp;
    expect(() => scriptApp.newTrigger('sendDigest').timeBased().atHour(6).create()).toThrow(/no schedule/);
    for (let i = 0; i < 20; i += 1) scriptApp.newTrigger('sendDigest').timeBased().everyHours(1).create();
    expect(() => scriptApp.newTrigger('sendDigest').timeBased().everyHours(1).create()).toThrow(/too many triggers/);
  });
});

describe('MailApp', () => {
  it('captures mails in the outbox and counts the quota by recipient', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    expect(bundle.call('sendDigest')).toBe(97);
    expect(bundle.runtime.mail.sent).toEqual([
      {
        to: ['coordination@exemple.fr', 'accueil@exemple.fr'],
        cc: [],
        bcc: [],
        subject: 'Alertes Parcours',
        body: 'Deux absences consécutives.',
        htmlBody: null,
        name: null,
        replyTo: null,
        noReply: false,
      },
      {
        to: ['direction@exemple.fr'],
        cc: [],
        bcc: [],
        subject: 'Bilan',
        body: '',
        htmlBody: '<p>Bilan prêt</p>',
        name: 'Parcours',
        replyTo: null,
        noReply: false,
      },
    ]);
  });

  it('refuses invalid addresses and calls in simple triggers', () => {
    const mail = loadBundle(TEST_BUNDLE).runtime.globals.MailApp as FakeMailApp;
    expect(() => mail.sendEmail('pas-un-courriel', 'Sujet', 'Corps')).toThrow('Exception: Invalid email: pas-un-courriel');
    expect(() => mail.sendEmail('a@exemple.fr', 'Sujet')).toThrow(/don't match the method signature/);
    const limited = loadBundle(TEST_BUNDLE, { authMode: 'LIMITED' });
    expect(() => limited.call('sendDigest')).toThrow(/permission to call MailApp.sendEmail/);
    expect(limited.runtime.mail.sent).toEqual([]);
  });
});

describe('Logger and console', () => {
  it('captures log output instead of printing it', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    const spy = jest.spyOn(process.stdout, 'write');
    bundle.call('logSomething');
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(bundle.runtime.logs).toEqual(['Bilan 2026-T3 généré', 'Présences : 12']);
    expect(bundle.runtime.logEntries.map((e) => e.level)).toEqual(['Logger', 'warn']);
  });
});
