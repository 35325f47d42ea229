/**
 * The command line never destroys a file (SPEC §5, §6): saves are atomic, a file it could not
 * read is refused (exit 2) and never written over, an output naming the source is refused; and
 * whatever happens, the exit code is 0, 1 or 2 with a French message and no stack trace.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSpreadsheetModel } from '../../runtime/spreadsheet/spreadsheet-model';
import { saveXlsx } from '../../runtime/spreadsheet/xlsx-store';
import { loadDist } from '../support/built-bundle';
import { parcoursInProcess, runCli } from './run-cli';

const FIXTURES = join(__dirname, 'fixtures');
const FAULT = join(__dirname, 'fault-injection.cjs');
const folder = mkdtempSync(join(tmpdir(), 'parcours-files-'));

/** A workbook `init` has something to add to (its Présences sheet was removed). */
async function incompleteWorkbook(name: string): Promise<string> {
  const model = createSpreadsheetModel('Incomplet');
  loadDist({ model }).call('cliInit_');
  model.sheets = model.sheets.filter((s) => s.name !== 'Présences');
  const path = join(folder, name);
  await saveXlsx(model, path);
  return path;
}

function expectFrenchOnly(text: string): void {
  expect(text).not.toMatch(/\n\s+at |Error:|TypeError|Cannot read|undefined|ENOSPC|ENOENT|EACCES/);
}

const tempFilesIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('a file the command line cannot read is refused and left byte-identical', () => {
  const damagedDemo = (): Buffer => {
    const bytes = Buffer.from(readFileSync(join(folder, 'demo.xlsx')));
    // Overwrite compressed data in the middle: the zip's directory is intact, its content is not.
    bytes.fill(0x55, Math.floor(bytes.length / 3), Math.floor(bytes.length / 3) + 4000);
    return bytes;
  };
  const cases: [string, () => Buffer, RegExp][] = [
    ['an .ods renamed .xlsx', () => readFileSync(join(FIXTURES, 'petit.ods')), /classeur OpenDocument \(\.ods/],
    ['a legacy .xls renamed .xlsx', () => readFileSync(join(FIXTURES, 'petit.xls')), /Excel 97-2003 \(\.xls\)/],
    ['an HTML export named .xlsx', () => readFileSync(join(FIXTURES, 'petit-html.xls')), /page web \(HTML\)/],
    ['a CSV named .xlsx', () => Buffer.from('ID;Nom;Prénom\nP-2026-0001;Exemple;Camille\n'), /fichier texte \(CSV\)/],
    ['an empty file', () => Buffer.alloc(0), /fichier vide/],
    ['a truncated .xlsx', () => readFileSync(join(folder, 'demo.xlsx')).subarray(0, 6000), /tronqué ou endommagé/],
    ['a corrupt .xlsx (damaged content)', damagedDemo, /endommagé/],
    ['random bytes', () => Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x10]), /format inconnu/],
  ];

  beforeAll(async () => {
    expect((await parcoursInProcess('demo', join(folder, 'demo.xlsx'))).code).toBe(0);
  }, 120_000);

  it.each(cases)('%s: init, check and report exit 2 saying what it seems to be', async (_label, bytes, seems) => {
    const path = join(folder, `illisible-${_label.replace(/\W+/g, '-')}.xlsx`);
    const original = bytes();
    writeFileSync(path, original);
    for (const argv of [['init', path], ['check', path], ['report', '--workbook', path, '--period', '2026-T3', '--json', join(folder, 'x.json')]]) {
      const run = await parcoursInProcess(...argv);
      expect(run.code).toBe(2);
      expect(run.err).toMatch(seems);
      expect(run.err).toContain('Parcours ne l’a pas modifié');
      expectFrenchOnly(run.err);
      expect(readFileSync(path).equals(original)).toBe(true);
    }
    expect(existsSync(join(folder, 'x.json'))).toBe(false);
  }, 120_000);
});

describe('saves are atomic', () => {
  it.each(['enospc', 'kill', 'interrupt'])('a save that fails midway (%s) leaves the workbook byte-identical', async (fault) => {
    const path = await incompleteWorkbook(`atomique-${fault}.xlsx`);
    const original = readFileSync(path);
    const run = runCli(['init', path], { preload: FAULT, env: { PARCOURS_TEST_FAULT: fault } });
    if (fault === 'kill') {
      expect(run.signal).toBe('SIGKILL');
      expect(tempFilesIn(folder)).toHaveLength(1); // nothing can clean up after SIGKILL…
    } else {
      expect(run.code).toBe(fault === 'interrupt' ? 2 : 1);
      expect(run.err).toContain(fault === 'interrupt' ? 'Interrompu avant la fin' : 'le disque est plein');
      expect(run.err).toMatch(/intacts/);
      expectFrenchOnly(run.err);
      expect(tempFilesIn(folder)).toEqual([]); // the half-written temporary file was removed
    }
    expect(readFileSync(path).equals(original)).toBe(true);
    // Without the fault, the same command succeeds and changes the file…
    expect((await parcoursInProcess('init', path)).code).toBe(0);
    expect(readFileSync(path).equals(original)).toBe(false);
    expect(tempFilesIn(folder)).toEqual([]); // …and removes what a killed save left beside it.
  }, 120_000);

  it('report writes its JSON only when the workbook could be written too', () => {
    const out = join(folder, 'sortie');
    mkdirSync(out, { recursive: true });
    const run = runCli(['report', '--period', '2026-T3', '--json', join(out, 'b.json'), '--out', join(out, 'b.xlsx')], {
      preload: FAULT,
      env: { PARCOURS_TEST_FAULT: 'enospc' },
    });
    expect(run.code).toBe(1);
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);

  it('a save keeps going through a symlink: the link stays, the file it points to is replaced', async () => {
    const real = await incompleteWorkbook('cible.xlsx');
    const link = join(folder, 'lien.xlsx');
    symlinkSync(real, link);
    expect((await parcoursInProcess('init', link)).code).toBe(0);
    expect(readdirSync(folder)).toContain('lien.xlsx');
    expect(readFileSync(link).equals(readFileSync(real))).toBe(true);
  }, 120_000);
});

describe('outputs that would overwrite the source are refused', () => {
  it('--out equal to --workbook, also through ./ or a symlink: exit 1, nothing written', async () => {
    const path = await incompleteWorkbook('source.xlsx');
    await parcoursInProcess('init', path);
    const original = readFileSync(path);
    const link = join(folder, 'source-lien.xlsx');
    symlinkSync(path, link);
    const cwd = process.cwd();
    process.chdir(folder);
    try {
      for (const out of [path, './source.xlsx', link, `${folder}/sous/../source.xlsx`]) {
        const run = await parcoursInProcess('report', '--workbook', 'source.xlsx', '--period', '2026-T3', '--out', out);
        expect(run.code).toBe(1);
        expect(run.err).toContain('désigne le classeur lu');
        expect(readFileSync(path).equals(original)).toBe(true);
      }
    } finally {
      process.chdir(cwd);
    }
  }, 120_000);
});

describe('options and exit codes', () => {
  it('a misspelt option is refused with the valid ones and the closest', async () => {
    const run = await parcoursInProcess('report', '--fundr=CD', '--period', '2026-T3');
    expect(run.code).toBe(1);
    expect(run.err).toContain('Option inconnue : --fundr. Vouliez-vous dire --funder ?');
    expect(run.err).toContain('--workbook, --period, --funder, --json, --out');
    const flag = await parcoursInProcess('check', join(folder, 'demo.xlsx'), '--verbose');
    expect(flag.code).toBe(1);
    expect(flag.err).toContain('Option inconnue : --verbose');
  });

  it('--opt=value and --opt value are the same', async () => {
    const a = await parcoursInProcess('report', '--period=2026-T3', '--funder=CD');
    const b = await parcoursInProcess('report', '--period', '2026-T3', '--funder', 'CD');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).toContain('Financeur CD');
  }, 120_000);

  it('an unexpected error is a French message and exit 2, never a stack trace', () => {
    const broken = join(folder, 'dist-casse');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'Code.js'), 'null.boom;\n');
    copyFileSync(join(__dirname, '..', '..', 'dist', 'appsscript.json'), join(broken, 'appsscript.json'));
    const run = runCli(['check', join(folder, 'demo.xlsx')], { env: { PARCOURS_DIST: broken } });
    expect(run.code).toBe(2);
    expect(run.err).toContain('Parcours s’est arrêté sur une erreur inattendue');
    expectFrenchOnly(run.err);
    const debug = runCli(['check', join(folder, 'demo.xlsx')], { env: { PARCOURS_DIST: broken, PARCOURS_DEBUG: '1' } });
    expect(debug.err).toContain('Détail technique');
  });
});
