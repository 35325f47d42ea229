/**
 * `parcours`: the compiled add-in (dist/Code.js, exactly what `clasp push` sends) run in the local
 * Apps Script runtime on an .xlsx workbook. Exit codes (SPEC §4): 0 done, 1 bad usage,
 * 2 unreadable workbook.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type LoadedBundle, loadBuiltBundle } from '../runtime/bundle-loader';
import { createSpreadsheetModel, DEFAULT_TIME_ZONE, type SpreadsheetModel } from '../runtime/spreadsheet/spreadsheet-model';
import { isTimeZone } from '../runtime/spreadsheet/zoned-time';
import { type CommandSpec, type ParsedArgs, parseArgs } from './args';
import { commandBench } from './bench';
import { commandFiche } from './fiche';
import { EXIT, GoalMissed, InternalFailure, OutputNotWritten, UsageError, WorkbookUnreadable } from './cli-errors';
import { commandPreview } from './preview';
import { printIssues } from './print';
import { commandReport, demoSummaries, type ReportCliContext } from './report';
import { describeUnexpected, guardProcess } from './unexpected-error';
import { openWorkbook, refuseBeyondSheetsCap, saveFiles, xlsxFile } from './workbook-files';

const DIST_DIR = process.env.PARCOURS_DIST ? resolve(process.env.PARCOURS_DIST) : join(__dirname, '..', 'dist');
/** The demo structure is dated: everything in it is relative to this day, so it never changes. */
export const DEMO_AS_OF = '2026-11-20';
/** A demo parcours running for a year, with barriers lifted, a training and five reviews: the fiche `npm start` writes. */
const DEMO_FICHE_ID = 'P-2025-0040';
/** Every command and what it accepts: anything else is refused with this list. */
const COMMAND_SPECS: Record<string, CommandSpec> = {
  init: { takesFile: true, values: ['timezone'] },
  demo: { takesFile: true, flags: ['force'], values: ['timezone'] },
  check: { takesFile: true, values: ['timezone'] },
  start: { values: ['timezone'] },
  report: { values: ['workbook', 'period', 'funder', 'json', 'out', 'bilan', 'timezone'] },
  fiche: { values: ['workbook', 'id', 'out', 'timezone'] },
  bench: { values: ['timezone'] },
  preview: { values: ['workbook', 'port', 'timezone'] },
  help: {},
};
const CLI_USER = 'ligne-de-commande@parcours.local';

export { EXIT };

type BundleResult = { ok: true; [key: string]: unknown } | { ok: false; kind: 'format' | 'usage'; message: string };

const USAGE = `Usage :
  parcours init FICHIER.xlsx          configure (ou crée) un classeur
  parcours demo FICHIER.xlsx [--force] écrit le classeur de démonstration
  parcours check FICHIER.xlsx         liste les problèmes de données
  parcours start                      démonstration complète (dossier out/)
  parcours preview [--workbook F.xlsx] [--port 8080]  les volets dans le navigateur (127.0.0.1)
  parcours report [--workbook F.xlsx] --period P [--funder CODE] [--json OUT.json] [--out OUT.xlsx]
                 [--bilan BILAN.xlsx] bilan financeur (P : 2026-T3, 2026 ou 2026-07-01..2026-09-30) ;
                                      --bilan : la feuille du bilan seule, à envoyer ; --out : tout le classeur
  parcours fiche --workbook F.xlsx --id ID --out OUT.xlsx
                                      fiche de parcours nominative d’un participant (A4 portrait)
  parcours bench                      banc d’essai du bilan (1× et 10×)
  --timezone ZONE  (toutes les commandes) fuseau horaire IANA du classeur, dans lequel lire les dates du
                   .xlsx, par exemple America/Martinique ou Indian/Reunion (défaut : Europe/Paris)`;

/** The zone the .xlsx dates are read in (`--timezone`): an .xlsx holds wall-clock dates, no zone. */
let workbookTimeZone = DEFAULT_TIME_ZONE;

function readTimeZoneOption(args: ParsedArgs): string {
  const zone = args.option('timezone');
  if (zone === undefined) return DEFAULT_TIME_ZONE;
  if (!isTimeZone(zone)) {
    throw new UsageError(`Fuseau horaire inconnu : « ${zone} ». Donnez un nom IANA, par exemple Europe/Paris, America/Martinique ou Indian/Reunion.`);
  }
  return zone;
}

const openInZone = (path: string): Promise<SpreadsheetModel> => openWorkbook(path, workbookTimeZone);

function openBundle(model: SpreadsheetModel, now?: Date): LoadedBundle {
  return loadBuiltBundle(DIST_DIR, { model, userEmail: CLI_USER, ...(now ? { now } : {}) });
}

/** Unwraps what a bundle entry point returned, turning its refusals into exit codes. */
function expectOk<T>(result: unknown): T & { ok: true } {
  const r = result as BundleResult;
  if (r.ok) return r as T & { ok: true };
  if (r.kind === 'format') throw new WorkbookUnreadable(r.message);
  throw new UsageError(r.message);
}

function save(model: SpreadsheetModel, path: string): Promise<void> {
  return saveFiles([xlsxFile(path, model)]);
}

async function commandInit(args: ParsedArgs): Promise<void> {
  const path = args.file('init');
  // An existing file is configured only once it has been read: one that is not a workbook is refused.
  const model = existsSync(path) ? await openInZone(path) : createSpreadsheetModel('Parcours', workbookTimeZone);
  refuseBeyondSheetsCap(model, path);
  const result = expectOk<{ changes: string[] }>(openBundle(model).call('cliInit_'));
  await save(model, path);
  console.log(
    result.changes.length === 0
      ? `${path} : déjà configuré, rien n’a changé.`
      : `${path} configuré :\n  • ${result.changes.join('\n  • ')}`,
  );
}

async function writeDemo(path: string): Promise<{ parcours: number; attendance: number; evaluations: number }> {
  const model = createSpreadsheetModel('Parcours — démonstration', workbookTimeZone);
  const result = expectOk<{ parcours: number; attendance: number; evaluations: number }>(
    openBundle(model, new Date(`${DEMO_AS_OF}T12:00:00Z`)).call('cliDemo_', DEMO_AS_OF),
  );
  await save(model, path);
  return result;
}

async function commandDemo(args: ParsedArgs): Promise<void> {
  const path = args.file('demo');
  if (existsSync(path) && !args.flag('force')) {
    throw new UsageError(`${path} existe déjà : choisissez un autre nom ou ajoutez --force pour le remplacer.`);
  }
  const counts = await writeDemo(path);
  console.log(
    `Classeur de démonstration écrit : ${path}\n  ${counts.parcours} parcours, ${counts.attendance} présences, ${counts.evaluations} évaluations.`,
  );
}

async function check(path: string, now?: Date): Promise<{ issues: unknown[]; parcours: number }> {
  const model = await openInZone(path);
  return expectOk<{ issues: unknown[]; parcours: number }>(openBundle(model, now).call('cliCheck_'));
}

async function commandCheck(args: ParsedArgs): Promise<void> {
  const path = args.file('check');
  const result = await check(path);
  printIssues(path, result.parcours, result.issues);
}

async function commandStart(): Promise<void> {
  const path = join('out', 'demo.xlsx');
  const counts = await writeDemo(path);
  console.log(`1. Classeur de démonstration : ${path}`);
  console.log(`   ${counts.parcours} parcours, ${counts.attendance} présences, ${counts.evaluations} évaluations.`);
  const result = await check(path, new Date(`${DEMO_AS_OF}T12:00:00Z`));
  console.log('2. Vérification des données :');
  printIssues(path, result.parcours, result.issues);
  await demoSummaries(REPORT_CONTEXT, path, 'out');
  const fiche = join('out', `fiche-${DEMO_FICHE_ID}.xlsx`);
  await commandFiche(parseArgs(['fiche', '--workbook', path, '--id', DEMO_FICHE_ID, '--out', fiche], COMMAND_SPECS), REPORT_CONTEXT, new Date(`${DEMO_AS_OF}T12:00:00Z`));
}

const REPORT_CONTEXT: ReportCliContext = { openBundle, openWorkbook: openInZone, expectOk, demoAsOf: DEMO_AS_OF, timeZone: () => workbookTimeZone };

const COMMANDS: Record<string, (args: ParsedArgs) => Promise<void>> = {
  init: commandInit,
  demo: commandDemo,
  check: commandCheck,
  start: commandStart,
  report: (args) => commandReport(args, REPORT_CONTEXT),
  fiche: (args) => commandFiche(args, REPORT_CONTEXT),
  bench: (args) => commandBench(args, REPORT_CONTEXT),
  preview: commandPreview,
};

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv, COMMAND_SPECS);
    workbookTimeZone = readTimeZoneOption(args);
    if (args.command === 'help' || args.flag('help')) {
      console.log(USAGE);
      return EXIT.done;
    }
    const command = COMMANDS[args.command];
    if (!command) throw new UsageError(args.command ? `Commande inconnue : ${args.command}` : 'Commande manquante.');
    await command(args);
    return EXIT.done;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    if (error instanceof GoalMissed || error instanceof OutputNotWritten) {
      console.error(error.message);
      return EXIT.usage;
    }
    if (error instanceof WorkbookUnreadable || error instanceof InternalFailure) {
      console.error(error.message);
      return EXIT.unreadable;
    }
    const unexpected = describeUnexpected(error);
    console.error(unexpected.message);
    return unexpected.code;
  }
}

/** Called by bin/parcours.js. Nothing escapes as a stack trace or an exit code other than 0, 1, 2. */
export function run(argv: string[]): void {
  guardProcess();
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      const unexpected = describeUnexpected(error);
      console.error(unexpected.message);
      process.exitCode = unexpected.code;
    },
  );
}
