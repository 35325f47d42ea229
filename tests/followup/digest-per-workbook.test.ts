import type { SpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { buildWorkbook, COORDINATOR, NOW } from './workbook-fixture';
import { loadDist } from '../support/built-bundle';

/**
 * One daily e-mail per workbook, whoever switched it on. Triggers belong to the user who created
 * them (the runtime, like Google, shows a user only their own), so the workbook's document
 * property says who switched it on and which trigger sends.
 */
const model = buildWorkbook(20, 50);
const CAMILLE = COORDINATOR;
const LOUIS = 'louis.essai@exemple.fr';
const as = (userEmail: string, m: SpreadsheetModel) => loadDist({ model: m, now: NOW, userEmail });

/** `user` picks a menu item (its message answered OK); returns that user's execution. */
function menu(user: string, functionName: string, m: SpreadsheetModel): ReturnType<typeof as> {
  const bundle = as(user, m);
  bundle.runtime.ui.queueResponse('OK');
  bundle.call(functionName);
  return bundle;
}

/** The clock trigger `uid` runs (as its owner, without a user interface): how many e-mails it sent. */
function fire(uid: string, owner: string, m: SpreadsheetModel): number {
  const run = loadDist({ model: m, now: NOW, userEmail: owner, withUi: false });
  run.call('sendDeadlinesDigest', { triggerUid: uid });
  return run.runtime.mail.sent.length;
}

test('a second coordinator switching it on creates nothing and is told who did it and when', () => {
  const m = structuredClone(model);
  menu(CAMILLE, 'menuEnableDigest', m);
  const louis = menu(LOUIS, 'menuEnableDigest', m);
  expect(louis.runtime.ui.dialogs.at(-1)!.prompt).toBe(
    `Le courriel quotidien est déjà activé pour ce classeur (activé par ${CAMILLE} le 20/11/2026) : il n’est envoyé qu’une fois.`,
  );
  const triggers = louis.runtime.triggers.list();
  expect(triggers.map((t) => t.ownerEmail)).toEqual([CAMILLE]);
  expect(louis.call('getDeadlines')).toMatchObject({ digestEnabled: true, digest: { by: CAMILLE, since: '2026-11-20' } });
  // The one trigger sends one e-mail.
  expect(fire(triggers[0]!.uniqueId, CAMILLE, m)).toBe(1);
});

test('any coordinator switches it off; the other’s trigger then sends nothing and removes itself', () => {
  const m = structuredClone(model);
  const uid = menu(CAMILLE, 'menuEnableDigest', m).runtime.triggers.list()[0]!.uniqueId;
  const louis = menu(LOUIS, 'menuDisableDigest', m);
  expect(louis.runtime.ui.dialogs.at(-1)!.prompt).toBe('Le courriel quotidien des échéances est désactivé pour ce classeur.');
  expect(louis.call('getDeadlines')).toMatchObject({ digestEnabled: false, digest: null });
  // Louis cannot see Camille's trigger: it is still there…
  expect(louis.runtime.triggers.list()).toHaveLength(1);
  // …but it checks the workbook before sending, and removes itself.
  expect(fire(uid, CAMILLE, m)).toBe(0);
  expect(louis.runtime.triggers.list()).toHaveLength(0);
});

test('switched on again by the second coordinator while the first one’s trigger remains: still one e-mail a day', () => {
  const m = structuredClone(model);
  const first = menu(CAMILLE, 'menuEnableDigest', m).runtime.triggers.list()[0]!.uniqueId;
  menu(LOUIS, 'menuDisableDigest', m);
  const louis = menu(LOUIS, 'menuEnableDigest', m);
  const second = louis.runtime.triggers.list().find((t) => t.ownerEmail === LOUIS)!.uniqueId;
  expect(louis.call('getDeadlines')).toMatchObject({ digest: { by: LOUIS } });
  const sent = fire(first, CAMILLE, m) + fire(second, LOUIS, m);
  expect(sent).toBe(1);
  expect(louis.runtime.triggers.list().map((t) => t.ownerEmail)).toEqual([LOUIS]);
});
