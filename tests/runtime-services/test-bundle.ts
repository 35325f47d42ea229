/**
 * A hand-written bundle shaped like dist/Code.js: one IIFE assigned to `__parcours`, then one
 * top-level stub per handler. Private entry points end with `_`.
 */
const HANDLERS: Record<string, string> = {
  onOpen: `function (e) {
    var ui = SpreadsheetApp.getUi();
    ui.createMenu('Parcours')
      .addItem('Nouveau participant…', 'showParticipantForm')
      .addSeparator()
      .addSubMenu(ui.createMenu('Bilans').addItem('Générer le bilan…', 'generateReport'))
      .addToUi();
  }`,
  addPrivateMenuItem: `function () {
    SpreadsheetApp.getUi().createMenu('Outils').addItem('Rapport', 'cliReport_').addToUi();
  }`,
  environment: `function () {
    return {
      require: typeof require, process: typeof process, setTimeout: typeof setTimeout,
      fetch: typeof fetch, Buffer: typeof Buffer, module: typeof module,
      SpreadsheetApp: typeof SpreadsheetApp, HtmlService: typeof HtmlService, LockService: typeof LockService,
      PropertiesService: typeof PropertiesService, CacheService: typeof CacheService, Session: typeof Session,
      Utilities: typeof Utilities, ScriptApp: typeof ScriptApp, MailApp: typeof MailApp, Logger: typeof Logger,
      console: typeof console.log
    };
  }`,
  clock: `function () {
    var d = new Date();
    return {
      iso: d.toISOString(), now: Date.now(), isDate: d instanceof Date, sameConstructor: d.constructor === Date,
      explicitYear: new Date(2026, 0, 15).getFullYear(), explicitInstance: new Date(0) instanceof Date,
      utc: Date.UTC(2026, 0, 1), parse: Date.parse('2026-01-01T00:00:00Z'), asString: typeof Date()
    };
  }`,
  confirmDeletion: `function () {
    var ui = SpreadsheetApp.getUi();
    return ui.alert('Suppression', 'Confirmez-vous la suppression ?', ui.ButtonSet.YES_NO) === ui.Button.YES;
  }`,
  askName: `function () {
    var ui = SpreadsheetApp.getUi();
    var response = ui.prompt('Nom de la structure ?');
    return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
  }`,
  showSidebar: `function () {
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Parcours'));
  }`,
  renderList: `function (items) {
    var template = HtmlService.createTemplate(
      '<h1><?= structureName() ?></h1><? for (var i = 0; i < items.length; i++) { ?><li><?= items[i] ?></li><? } ?><?!= footer ?>');
    template.items = items;
    template.footer = '<hr>';
    return template.evaluate().getContent();
  }`,
  structureName: `function () { return 'Atelier des Deux Rives'; }`,
  withDocumentLock: `function () {
    var lock = LockService.getDocumentLock();
    lock.waitLock(10000);
    try { return lock.hasLock(); } finally { lock.releaseLock(); }
  }`,
  tryDocumentLock: `function () { return LockService.getDocumentLock().tryLock(500); }`,
  keepDocumentLock: `function () {
    var lock = LockService.getDocumentLock();
    lock.waitLock(1000);
    return lock.hasLock();
  }`,
  rememberCount: `function (n) { PropertiesService.getDocumentProperties().setProperty('compteur', n); }`,
  readCount: `function () {
    var value = PropertiesService.getDocumentProperties().getProperty('compteur');
    return { value: value, type: typeof value };
  }`,
  installDailyTrigger: `function () {
    return ScriptApp.newTrigger('sendDigest').timeBased().everyDays(1).atHour(6).create().getUniqueId();
  }`,
  removeTriggers: `function () {
    var triggers = ScriptApp.getProjectTriggers();
    for (var i = 0; i < triggers.length; i++) ScriptApp.deleteTrigger(triggers[i]);
    return triggers.length;
  }`,
  sendDigest: `function () {
    MailApp.sendEmail('coordination@exemple.fr, accueil@exemple.fr', 'Alertes Parcours', 'Deux absences consécutives.');
    MailApp.sendEmail({ to: 'direction@exemple.fr', subject: 'Bilan', htmlBody: '<p>Bilan prêt</p>', name: 'Parcours' });
    return MailApp.getRemainingDailyQuota();
  }`,
  logSomething: `function () {
    Logger.log('Bilan %s généré', '2026-T3');
    console.warn('Présences :', 12);
  }`,
  saveParticipant: `function (form) {
    return { received: form, tagsIsArray: Array.isArray(form.tags), plainInServerRealm: Object.getPrototypeOf(form) === Object.prototype };
  }`,
  mutateArgument: `function (form) { form.name = 'modifié'; form.tags.push('ajouté'); return form.name; }`,
  participantWithDate: `function () { return { name: 'Camille Martin', birthDate: new Date(Date.UTC(1990, 4, 12)) }; }`,
  nothing: `function () {}`,
  cliReport_: `function () { return 'private'; }`,
};

export const HANDLER_NAMES = Object.keys(HANDLERS).sort();

export const TEST_BUNDLE = [
  'var __parcours = (() => {',
  '  var handlers = {};',
  ...Object.entries(HANDLERS).map(([name, body]) => `  handlers.${name} = ${body};`),
  '  return handlers;',
  '})();',
  ...Object.keys(HANDLERS).map(
    (name) => `function ${name}() { return __parcours.${name}.apply(this, arguments); }`,
  ),
].join('\n');
