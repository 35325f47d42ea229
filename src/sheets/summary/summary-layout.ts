import { type CellOut, textCell } from '../../domain/cell-output';
import { EXIT_CATEGORIES } from '../../domain/records';
import { AGE_BANDS } from '../../domain/summary/profile';
import type { Summary } from '../../domain/summary/summary-schema';
import { isMaskedCount, MASKED_DERIVED, maskedCount, normalizedThreshold } from './secrecy';
import { layoutSupportSection } from './support-layout';

/**
 * The summary sheet of SPEC §3 as one block in memory: its values and, cell by cell, its number
 * format, weight and background, so the writer needs the same few calls whatever the data.
 * Pure: no Apps Script here. Nothing personal goes in: only counts, volumes, rates and labels
 * (prescribers, ateliers, motifs, categories).
 */

export const SUMMARY_WIDTH = 5;
/** Charts sit to the right of the tables (column G). */
export const CHART_COLUMN = SUMMARY_WIDTH + 2;
export const CHART_WIDTH_PX = 520;
export const CHART_HEIGHT_PX = 300;
/**
 * Rows a chart covers: its height over Sheets' default row height (21 px), plus one row of air.
 * A chart is anchored at its table's row, or lower when the chart above would cover it.
 */
export const CHART_ROW_SPAN = Math.ceil(CHART_HEIGHT_PX / 21) + 1;

export type CellKind =
  | 'title'
  | 'meta'
  | 'section'
  | 'header'
  | 'label'
  | 'text'
  | 'note'
  | 'count'
  | 'hours'
  | 'rate'
  | 'etp'
  | 'days';

export interface LayoutCell {
  value: CellOut;
  kind: CellKind;
}

/** A block of the sheet, 1-based, as Range coordinates. */
export interface BlockArea {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ChartSpec {
  title: string;
  /** The chart's data: header row included, label column then value column. */
  ranges: BlockArea[];
  anchorRow: number;
  anchorColumn: number;
}

export interface SummaryLayout {
  values: CellOut[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  backgrounds: string[][];
  charts: ChartSpec[];
}

export interface LayoutContext {
  /** `CD — Conseil départemental`, or the wording for all parcours. */
  funderLabel: string;
  /** periodLabelFr of the period. */
  periodLabel: string;
  /** « Généré le jj/mm/aaaa à hh:mm par … ». */
  generatedLine: string;
  /** `Seuil de secret statistique`; 0 = off. */
  secrecyThreshold: number;
  /** The funder's `Durée minimale de parcours (mois)` (0 without a funder): shown next to the exits examined. */
  minimumMonths: number;
  /** The funder's `Heures annuelles par ETP` (1607 without a funder): shown in the ETP line. */
  hoursPerEtp: number;
}

const NUMBER_FORMATS: Record<CellKind, string> = {
  title: '@',
  meta: '@',
  section: '@',
  header: '@',
  label: '@',
  text: '@',
  note: '@',
  count: '0',
  hours: '#,##0.0',
  rate: '0.0%',
  etp: '0.0',
  days: '0',
};
const BOLD_KINDS: readonly CellKind[] = ['title', 'section', 'header'];
const SECTION_BACKGROUND = '#d2e3fc';
const HEADER_BACKGROUND = '#e8f0fe';
const PLAIN_BACKGROUND = '#ffffff';
const NO_VALUE = '—';

/** Builds the summary sheet row by row; each section's layout (e.g. support-layout.ts) adds its rows. */
export class LayoutBuilder {
  readonly rows: LayoutCell[][] = [];
  readonly charts: ChartSpec[] = [];

  constructor(private readonly threshold: number) {}

  /** The 1-based sheet row the next added row will be. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  add(...cells: LayoutCell[]): void {
    this.rows.push(cells);
  }

  blank(): void {
    this.rows.push([]);
  }

  section(title: string): void {
    this.add({ value: textCell(title), kind: 'section' });
  }

  header(...labels: string[]): void {
    this.add(...labels.map((label) => ({ value: textCell(label), kind: 'header' as const })));
  }

  count(n: number): LayoutCell {
    return { value: maskedCount(n, this.threshold), kind: 'count' };
  }

  /** A rate or average over `denominator` people or rows: masked with it (see secrecy.ts). */
  derived(value: number | null, denominator: number, kind: 'rate' | 'days'): LayoutCell {
    if (value === null) return { value: NO_VALUE, kind: 'text' };
    if (isMaskedCount(denominator, this.threshold)) return { value: MASKED_DERIVED, kind: 'text' };
    return { value, kind };
  }

  /** A count's share of `total` (people or exits): masked with the count, none when the total is 0. */
  share(n: number, total: number): LayoutCell {
    if (isMaskedCount(n, this.threshold)) return { value: MASKED_DERIVED, kind: 'text' };
    return total === 0 ? { value: NO_VALUE, kind: 'text' } : { value: n / total, kind: 'rate' };
  }

  /**
   * A label | count table, with a `Part` column when `total` is given (the share of each row in
   * it: the active parcours, the exits). Returns its label and count columns, header included,
   * as a chart range.
   */
  countTable(header: [string, string], rows: readonly (readonly [string, number])[], total?: number): BlockArea {
    const first = this.nextRow;
    this.header(...header, ...(total === undefined ? [] : [SHARE_HEADER]));
    for (const [label, n] of rows) {
      this.add(labelCell(label), this.count(n), ...(total === undefined ? [] : [this.share(n, total)]));
    }
    return { row: first, column: 1, numRows: rows.length + 1, numColumns: 2 };
  }

  /** A chart beside the tables, at `row` or just below the chart before it. */
  chart(title: string, ranges: BlockArea[], row: number): void {
    const previous = this.charts[this.charts.length - 1];
    const anchorRow = previous === undefined ? row : Math.max(row, previous.anchorRow + CHART_ROW_SPAN);
    this.charts.push({ title, ranges, anchorRow, anchorColumn: CHART_COLUMN });
  }
}

const SHARE_HEADER = 'Part';

function monthsText(months: number): string {
  if (!(months > 0)) return 'aucune';
  return `${String(months).replace('.', ',')} mois`;
}

/** The one line beside a figure that says what it is. */
function explain(text: string): LayoutCell {
  return { value: textCell(text), kind: 'note' };
}

function etpLine(context: LayoutContext): string {
  return (
    'Nombre moyen de postes à temps plein occupés sur la période : heures ÷ ' +
    `(${formatThousandsFr(context.hoursPerEtp)} h par an × jours de la période ÷ 365).`
  );
}

function formatThousandsFr(n: number): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(n);
}

/** Which exits are examined, and why some are not (SPEC §3.4). */
function examinedLine(minimumMonths: number): string {
  const withdrawn = 'Toutes les sorties sauf le « Retrait des sorties constatées » (décès, déménagement, santé…)';
  return minimumMonths > 0
    ? `${withdrawn}, des parcours d’au moins ${monthsText(minimumMonths)} : les plus courts ne sont pas examinés (durée minimale du financeur).`
    : `${withdrawn} : ce financeur ne fixe pas de durée minimale de parcours.`;
}

export function labelCell(text: string): LayoutCell {
  return { value: textCell(text), kind: 'label' };
}

export function plainText(value: string): LayoutCell {
  return { value: textCell(value), kind: 'text' };
}

export function layoutSummary(summary: Summary, context: LayoutContext): SummaryLayout {
  const threshold = normalizedThreshold(context.secrecyThreshold);
  const b = new LayoutBuilder(threshold);
  const structure = summary.structure.trim() === '' ? 'Structure non renseignée' : summary.structure.trim();

  b.add({ value: textCell(`Bilan financeur — ${structure}`), kind: 'title' });
  b.add(labelCell('Structure'), plainText(structure));
  b.add(labelCell('Financeur'), plainText(context.funderLabel));
  b.add(labelCell('Période'), plainText(context.periodLabel));
  b.add({ value: textCell(context.generatedLine), kind: 'meta' });
  if (threshold > 0) {
    b.add({
      value: textCell(
        `Secret statistique : les effectifs de 1 à ${threshold - 1} sont affichés « < ${threshold} » ; ` +
          'un taux ou une moyenne calculés sur un effectif masqué sont masqués aussi.',
      ),
      kind: 'note',
    });
  }
  b.add({ value: 'Ce bilan ne contient aucune donnée nominative.', kind: 'note' });

  b.blank();
  b.section('1. File active');
  b.countTable(
    ['Indicateur', 'Nombre'],
    [
      ['Parcours actifs sur la période', summary.fileActive.active],
      ['Entrées sur la période', summary.fileActive.entries],
      ['Sorties sur la période', summary.fileActive.exits],
      ['Candidats en attente d’entrée', summary.fileActive.candidates],
    ],
  );

  const profile = summary.profile;
  const active = summary.fileActive.active;
  b.blank();
  b.section('2. Profil des parcours actifs');
  b.countTable(
    ['Sexe', 'Nombre'],
    [
      ['Femmes', profile.sex.F],
      ['Hommes', profile.sex.H],
    ],
    active,
  );
  b.blank();
  b.countTable(
    ['Âge à l’entrée', 'Nombre'],
    AGE_BANDS.map((band) => [band, profile.age[band]] as const),
    active,
  );
  b.blank();
  b.countTable(['Minimum social', 'Nombre'], Object.entries(profile.minimumSocial), active);
  b.blank();
  b.countTable(
    ['Situation', 'Nombre'],
    [
      ['Résidents d’un quartier prioritaire (QPV)', profile.qpv],
      ['Reconnaissance travailleur handicapé (RQTH)', profile.rqth],
      ['Demandeurs d’emploi de longue durée (DELD)', profile.deld],
    ],
    active,
  );
  b.blank();
  b.countTable(['Niveau de formation', 'Nombre'], Object.entries(profile.education), active);
  b.blank();
  b.countTable(['Prescripteur', 'Nombre'], Object.entries(profile.prescriber), active);

  const attendance = summary.attendance;
  b.blank();
  b.section('3. Présences et ETP');
  b.header('Indicateur', 'Valeur');
  b.add(labelCell('Heures réalisées (présent ou en retard)'), { value: attendance.hours, kind: 'hours' });
  b.add(labelCell('Séances enregistrées'), b.count(attendance.sessions));
  b.add(labelCell('Présences (présent ou en retard)'), b.count(attendance.present));
  b.add(labelCell('Taux de présence'), b.derived(attendance.presenceRate, attendance.sessions, 'rate'));
  b.add(labelCell('ETP réalisés'), { value: attendance.etp, kind: 'etp' }, explain(etpLine(context)));
  b.add(
    labelCell('ETP conventionnés'),
    attendance.etpContracted === null ? plainText('non renseignés') : { value: attendance.etpContracted, kind: 'etp' },
    explain('Postes financés par la convention : une moyenne annuelle, telle qu’écrite dans « Financeurs » (non proratisée).'),
  );
  b.add(
    labelCell('Taux de consommation des ETP conventionnés'),
    attendance.etpConsumption === null ? plainText(NO_VALUE) : { value: attendance.etpConsumption, kind: 'rate' },
    explain('ETP réalisés ÷ ETP conventionnés : une période travaillée exactement au niveau financé donne 100 %.'),
  );
  b.blank();
  const workshopsFirst = b.nextRow;
  b.header('Atelier', 'Participants actifs', 'Heures', 'Séances', 'Taux de présence');
  for (const w of attendance.byWorkshop) {
    b.add(
      labelCell(w.workshop),
      b.count(w.active),
      { value: w.hours, kind: 'hours' },
      b.count(w.sessions),
      b.derived(w.presenceRate, w.sessions, 'rate'),
    );
  }
  const workshopRows = attendance.byWorkshop.length + 1;
  if (attendance.byWorkshop.length === 0) b.add(plainText('Aucune présence enregistrée sur la période.'));
  b.chart(
    'Heures réalisées par atelier',
    [
      { row: workshopsFirst, column: 1, numRows: workshopRows, numColumns: 1 },
      { row: workshopsFirst, column: 3, numRows: workshopRows, numColumns: 1 },
    ],
    workshopsFirst,
  );

  const exits = summary.exits;
  b.blank();
  b.section('4. Sorties');
  const categories = b.countTable(
    ['Catégorie de sortie', 'Nombre'],
    EXIT_CATEGORIES.map((c) => [c, exits.byCategory[c]] as const),
    exits.total,
  );
  b.chart('Sorties par catégorie', [categories], categories.row);
  b.blank();
  b.countTable(['Motif de sortie', 'Nombre'], Object.entries(exits.byReason), exits.total);
  if (Object.keys(exits.byReason).length === 0) b.add(plainText('Aucune sortie sur la période.'));
  b.blank();
  b.header('Indicateur', 'Valeur');
  b.add(labelCell('Sorties sur la période'), b.count(exits.total));
  b.add(labelCell('Durée minimale de parcours pour examiner une sortie'), plainText(monthsText(context.minimumMonths)));
  b.add(labelCell('Sorties examinées'), b.count(exits.examined), explain(examinedLine(context.minimumMonths)));
  b.add(labelCell('Sorties non examinées (parcours trop courts)'), b.count(exits.notExamined));
  b.add(
    labelCell('Sorties dynamiques'),
    b.count(exits.dynamic),
    explain('Emploi durable + emploi de transition + sorties positives, parmi les sorties examinées.'),
  );
  b.add(
    labelCell('Taux de sortie dynamique'),
    b.derived(exits.dynamicRate, exits.examined, 'rate'),
    explain('Sorties dynamiques ÷ sorties examinées (objectif usuel de la DGEFP : 60 %).'),
  );
  b.add(
    labelCell('Taux d’emploi durable'),
    b.derived(exits.durableRate, exits.examined, 'rate'),
    explain('Emploi durable ÷ sorties examinées (objectif usuel : 25 %).'),
  );
  b.add(
    labelCell('Taux d’emploi'),
    b.derived(exits.employmentRate, exits.examined, 'rate'),
    explain('(Emploi durable + emploi de transition) ÷ sorties examinées.'),
  );
  b.add(labelCell('Durée moyenne des parcours sortis (jours)'), b.derived(exits.averageDurationDays, exits.total, 'days'));

  const evaluations = summary.evaluations;
  b.blank();
  b.section('5. Évaluations');
  b.header('Indicateur', 'Valeur');
  b.add(labelCell('Participants évalués sur la période'), b.count(evaluations.participantsEvaluated));
  b.add(labelCell('Objectifs évalués'), b.count(evaluations.objectivesAssessed));
  b.add(labelCell('Objectifs acquis'), b.count(evaluations.objectivesAcquired));
  b.add(
    labelCell('Part des objectifs acquis'),
    b.derived(evaluations.acquiredRate, evaluations.objectivesAssessed, 'rate'),
  );
  b.add(labelCell('Participants en progression'), b.count(evaluations.participantsProgressing));

  b.blank();
  layoutSupportSection(b, summary.support, '6. Accompagnement');

  b.blank();
  b.section('7. Problèmes de données');
  b.header('Indicateur', 'Nombre');
  b.add(labelCell('Problèmes relevés à la lecture du classeur'), b.count(summary.dataIssues.length));
  b.add({
    value: 'Le détail des problèmes n’apparaît pas dans ce bilan : il est donné par la vérification du classeur.',
    kind: 'note',
  });

  return toLayout(b);
}

function toLayout(b: LayoutBuilder): SummaryLayout {
  const padded = b.rows.map((row) =>
    Array.from({ length: SUMMARY_WIDTH }, (_, i): LayoutCell => row[i] ?? { value: '', kind: 'text' }),
  );
  const rowKind = (row: LayoutCell[]) => row[0]!.kind;
  return {
    values: padded.map((row) => row.map((c) => c.value)),
    numberFormats: padded.map((row) => row.map((c) => NUMBER_FORMATS[c.kind])),
    fontWeights: padded.map((row) => row.map((c) => (BOLD_KINDS.includes(c.kind) ? ('bold' as const) : ('normal' as const)))),
    backgrounds: padded.map((row) =>
      row.map((c) => {
        if (rowKind(row) === 'section') return SECTION_BACKGROUND;
        if (c.kind === 'header') return HEADER_BACKGROUND;

        return PLAIN_BACKGROUND;
      }),
    ),
    charts: b.charts,
  };
}
