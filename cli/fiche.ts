/**
 * `parcours fiche --workbook F.xlsx --id ID --out OUT.xlsx`: the fiche de parcours of SPEC §4
 * written by the compiled add-in (cliFiche_) into a copy of the workbook. The source file is only
 * read; the copy is written once the fiche is complete, A4 portrait, one page wide.
 */
import type { ParsedArgs } from './args';
import { UsageError } from './cli-errors';
import type { ReportCliContext } from './report';
import { refuseSameFiles, saveFiles, xlsxFile } from './workbook-files';

function xlsxOption(args: ParsedArgs, option: string): string {
  const path = args.option(option);
  if (path === undefined || path.trim() === '') {
    throw new UsageError(`« parcours fiche » attend --${option} (parcours fiche --workbook F.xlsx --id P-2026-0012 --out FICHE.xlsx).`);
  }
  if (!path.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--${option} attend un fichier .xlsx : ${path}`);
  return path;
}

/** `now`: the demo's own day for `npm start` (the demo is dated); the clock otherwise. */
export async function commandFiche(args: ParsedArgs, ctx: ReportCliContext, now?: Date): Promise<void> {
  if (args.positionals.length > 0) {
    throw new UsageError(`Argument inattendu : ${args.positionals[0]} (le classeur se donne avec --workbook).`);
  }
  const workbook = xlsxOption(args, 'workbook');
  const out = xlsxOption(args, 'out');
  const id = args.option('id')?.trim() ?? '';
  if (id === '') throw new UsageError('« parcours fiche » attend --id, l’ID du parcours (par exemple --id P-2026-0012).');
  refuseSameFiles(workbook, [{ option: 'out', path: out }]);
  const model = await ctx.openWorkbook(workbook);
  const result = ctx.expectOk<{ id: string; sheetName: string; replaced: boolean }>(ctx.openBundle(model, now).call('cliFiche_', id));
  const sheet = model.sheets.find((s) => s.name === result.sheetName);
  if (sheet) sheet.print = { paper: 'A4', orientation: 'portrait', onePageWide: true };
  await saveFiles([xlsxFile(out, model)]);
  console.log(
    `Fiche de parcours de ${result.id} ${result.replaced ? 'remplacée' : 'écrite'} dans la feuille « ${result.sheetName} » : ${out}\n` +
      'Document nominatif : à garder dans le dossier du participant, à ne jamais transmettre à un financeur.',
  );
}
