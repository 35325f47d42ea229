import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBundle } from '../../runtime/bundle-loader';
import type { FakeHtmlService } from '../../runtime/services/html-service';
import { TEST_BUNDLE } from './test-bundle';

describe('Ui', () => {
  it('captures the menus added by onOpen', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    bundle.call('onOpen');
    bundle.call('onOpen');
    expect(bundle.runtime.ui.menus).toEqual([
      {
        caption: 'Parcours',
        addon: false,
        items: [
          { kind: 'item', caption: 'Nouveau participant…', functionName: 'showParticipantForm' },
          { kind: 'separator', caption: '' },
          {
            kind: 'subMenu',
            caption: 'Bilans',
            items: [{ kind: 'item', caption: 'Générer le bilan…', functionName: 'generateReport' }],
          },
        ],
      },
    ]);
    expect(bundle.runtime.ui.menuFunctionNames()).toEqual(['showParticipantForm', 'generateReport']);
  });

  it('refuses a menu item that calls a private function', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    expect(() => bundle.call('addPrivateMenuItem')).toThrow(/private function cliReport_/);
  });

  it('answers alerts from the queue and fails on an unexpected dialog', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    expect(() => bundle.call('confirmDeletion')).toThrow(/Unexpected dialog/);
    bundle.runtime.ui.queueResponse('YES');
    expect(bundle.call('confirmDeletion')).toBe(true);
    bundle.runtime.ui.queueResponse('NO');
    expect(bundle.call('confirmDeletion')).toBe(false);
    bundle.runtime.ui.queueResponse('OK');
    expect(() => bundle.call('confirmDeletion')).toThrow(/not a button of ButtonSet.YES_NO/);
    expect(bundle.runtime.ui.dialogs.map((d) => [d.title, d.prompt, d.response])).toEqual([
      ['Suppression', 'Confirmez-vous la suppression ?', 'YES'],
      ['Suppression', 'Confirmez-vous la suppression ?', 'NO'],
    ]);
  });

  it('answers prompts with the queued text', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    bundle.runtime.ui.queueResponse('OK', 'Atelier des Deux Rives');
    expect(bundle.call('askName')).toBe('Atelier des Deux Rives');
    bundle.runtime.ui.queueResponse('CLOSE');
    expect(bundle.call('askName')).toBeNull();
  });

  it('refuses dialogs in AuthMode NONE but still builds menus', () => {
    const bundle = loadBundle(TEST_BUNDLE, { authMode: 'NONE' });
    bundle.call('onOpen');
    expect(bundle.runtime.ui.menus).toHaveLength(1);
    bundle.runtime.ui.queueResponse('YES');
    expect(() => bundle.call('confirmDeletion')).toThrow(/permission to call Ui.alert/);
  });
});

describe('HtmlService', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'parcours-html-'));
    writeFileSync(join(dir, 'Sidebar.html'), '<p>Formulaire participant</p>');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads an HTML file of the bundle folder and shows it in the sidebar', () => {
    const bundle = loadBundle(TEST_BUNDLE, { htmlDir: dir });
    bundle.call('showSidebar');
    expect(bundle.runtime.ui.displays).toEqual([
      { kind: 'sidebar', title: 'Parcours', content: '<p>Formulaire participant</p>', width: null, height: null },
    ]);
  });

  it('throws like Google when the file does not exist', () => {
    const bundle = loadBundle(TEST_BUNDLE, { htmlDir: dir });
    const html = bundle.runtime.globals.HtmlService as FakeHtmlService;
    expect(() => html.createHtmlOutputFromFile('Missing')).toThrow('Exception: No HTML file named Missing was found.');
    expect(() => html.createHtmlOutputFromFile('../Sidebar')).toThrow('No HTML file named ../Sidebar was found.');
  });

  it('evaluates template scriptlets in the script realm, escaping <?= ?> only', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    expect(bundle.call('renderList', ['<b>', 'Élise'])).toBe(
      '<h1>Atelier des Deux Rives</h1><li>&lt;b&gt;</li><li>Élise</li><hr>',
    );
  });

  it('builds HtmlOutput by chaining', () => {
    const bundle = loadBundle(TEST_BUNDLE);
    const html = bundle.runtime.globals.HtmlService as FakeHtmlService;
    const output = html
      .createHtmlOutput('<p>a</p>')
      .append('<p>b</p>')
      .appendUntrusted('<i>')
      .setTitle('Titre')
      .setWidth(400)
      .setHeight(300)
      .setSandboxMode(html.SandboxMode.IFRAME)
      .setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL)
      .addMetaTag('viewport', 'width=device-width');
    expect([output.getContent(), output.getTitle(), output.getWidth(), output.getHeight()]).toEqual([
      '<p>a</p><p>b</p>&lt;i&gt;',
      'Titre',
      400,
      300,
    ]);
    expect(() => output.addMetaTag('description', 'x')).toThrow(/not supported/);
  });
});
