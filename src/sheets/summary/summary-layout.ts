import { type CellOut, textCell } from '../../domain/cell-output';
import { formatDayFr } from '../../domain/calendar-day';
import { EXIT_CATEGORIES, type ExitCategory } from '../../domain/records';
import { AGE_BANDS } from '../../domain/summary/profile';
import type { Summary } from '../../domain/summary/summary-schema';
import { isMaskedCount, MASKED_DERIVED, normalizedThreshold, planSuppression, type SuppressionPlan } from './secrecy';
import { CELL, summaryCells } from './summary-cells';
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
  /** The category of each motif shown (`Motifs de sortie`; unlisted and empty ones are Autres sorties). */
  motifCategory?: (motif: string) => ExitCategory | null;
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

  constructor(
    private readonly threshold: number,
    private readonly values: ReadonlyMap<string, number>,
    private readonly plan: SuppressionPlan,
  ) {}

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

  /** The one line under a figure that says what it is. */
  explain(text: string): void {
    this.add({ value: textCell(text), kind: 'note' });
  }

  masked(key: string): boolean {
    return this.plan.primary.has(key) || this.plan.secondary.has(key);
  }

  /** The count of `key`: `< N` when it is small, `masqué` when it is hidden so that a small one cannot be recomputed. */
  count(key: string | number): LayoutCell {
    // A count given as a number (the Accompagnement section) takes the primary mask only: its
    // tables hold no sum the sheet displays.
    if (typeof key === 'number') {
      return isMaskedCount(key, this.threshold) ? { value: `< ${this.threshold}`, kind: 'count' } : { value: key, kind: 'count' };
    }
    if (this.plan.primary.has(key)) return { value: `< ${this.threshold}`, kind: 'count' };
    if (this.plan.secondary.has(key)) return { value: MASKED_DERIVED, kind: 'text' };
    return { value: this.values.get(key) ?? 0, kind: 'count' };
  }

  /** A count that may be missing (the year earlier without data): a dash. */
  optionalCount(key: string, n: number | null): LayoutCell {
    return n === null ? { value: NO_VALUE, kind: 'text' } : this.count(key);
  }

  /**
   * A rate or average computed from counts (its numerator and denominator keys): masked when
   * either is, since the value and the other count would give it back.
   */
  derived(value: number | null, keys: readonly string[], kind: 'rate' | 'days'): LayoutCell {
    if (value === null) return { value: NO_VALUE, kind: 'text' };
    if (keys.some((key) => this.masked(key))) return { value: MASKED_DERIVED, kind: 'text' };
    return { value, kind };
  }

  /** A count's share of a total (people or exits): masked with either, none when the total is 0. */
  share(key: string, totalKey: string): LayoutCell {
    if (this.masked(key) || this.masked(totalKey)) return { value: MASKED_DERIVED, kind: 'text' };
    const total = this.values.get(totalKey) ?? 0;
    return total === 0 ? { value: NO_VALUE, kind: 'text' } : { value: (this.values.get(key) ?? 0) / total, kind: 'rate' };
  }

  /**
   * A label | count table, with a `Part` column when `totalKey` is given (the share of each row in
   * it: the active parcours, the exits). Returns its label and count columns, header included,
   * as a chart range.
   */
  countTable(header: [string, string], rows: readonly (readonly [string, string])[], totalKey?: string): BlockArea {
    const first = this.nextRow;
    this.header(...header, ...(totalKey === undefined ? [] : [SHARE_HEADER]));
    for (const [label, key] of rows) {
      this.add(labelCell(label), this.count(key), ...(totalKey === undefined ? [] : [this.share(key, totalKey)]));
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

/** `[label, key]` rows of a table whose keys are its labels. */
function keyed(labels: readonly string[], key: (label: string) => string): [string, string][] {
  return labels.map((label) => [label, key(label)]);
}

const PREVIOUS_HEADER = 'Un an plus tôt';

export function layoutSummary(summary: Summary, context: LayoutContext): SummaryLayout {
  const threshold = normalizedThreshold(context.secrecyThreshold);
  const cells = summaryCells(summary, context.motifCategory ?? (() => null));
  const plan = planSuppression(cells.values, cells.relations, threshold);
  const b = new LayoutBuilder(threshold, cells.values, plan);
  const structure = summary.structure.trim() === '' ? 'Structure non renseignée' : summary.structure.trim();
  const previous = summary.previousYear;

  b.add({ value: textCell(`Bilan financeur — ${structure}`), kind: 'title' });
  b.add(labelCell('Structure'), plainText(structure));
  b.add(labelCell('Financeur'), plainText(context.funderLabel));
  b.add(labelCell('Période'), plainText(context.periodLabel));
  b.add({ value: textCell(context.generatedLine), kind: 'meta' });
  if (threshold > 0) {
    b.add({
      value: textCell(
        `Secret statistique : les effectifs de 1 à ${threshold - 1} sont affichés « < ${threshold} » ; ` +
          'd’autres effectifs sont affichés « masqué » pour qu’aucun ne puisse être retrouvé par addition ou ' +
          'soustraction, et un taux, une part ou une moyenne calculés sur un effectif masqué sont masqués aussi.',
      ),
      kind: 'note',
    });
  }
  b.add({ value: 'Ce bilan ne contient aucune donnée nominative.', kind: 'note' });
  b.add({
    value: textCell(
      `Colonne « ${PREVIOUS_HEADER} » : la même période un an plus tôt (du ${formatDayFr(previous.period.start)} ` +
        `au ${formatDayFr(previous.period.end)}), calculée selon les mêmes règles ; « — » quand le classeur n’a pas ` +
        'de données pour elle (aucun parcours actif, ou aucune présence saisie), jamais un zéro.',
    ),
    kind: 'note',
  });

  b.blank();
  b.section('1. File active');
  b.header('Indicateur', 'Nombre', PREVIOUS_HEADER);
  b.add(labelCell('Parcours actifs sur la période'), b.count(CELL.active), b.optionalCount(CELL.previous('active'), previous.active));
  b.add(labelCell('Entrées sur la période'), b.count(CELL.entries), b.optionalCount(CELL.previous('entries'), previous.entries));
  b.add(labelCell('Sorties sur la période'), b.count(CELL.exits), b.optionalCount(CELL.previous('exits'), previous.exits));
  b.add(labelCell('Candidats en attente d’entrée'), b.count(CELL.candidates));

  const profile = summary.profile;
  b.blank();
  b.section('2. Profil des parcours actifs');
  b.countTable(
    ['Sexe', 'Nombre'],
    [
      ['Femmes', CELL.sex('F')],
      ['Hommes', CELL.sex('H')],
    ],
    CELL.active,
  );
  b.blank();
  b.countTable(['Âge à l’entrée', 'Nombre'], keyed(AGE_BANDS, CELL.age), CELL.active);
  b.blank();
  b.countTable(['Minimum social', 'Nombre'], keyed(Object.keys(profile.minimumSocial), CELL.minimumSocial), CELL.active);
  b.blank();
  b.countTable(
    ['Orientation des bénéficiaires du RSA', 'Nombre'],
    keyed(Object.keys(profile.rsaOrientation), CELL.rsaOrientation),
    CELL.minimumSocial('RSA'),
  );
  b.explain('Orientation décidée par le Conseil départemental ; la part est calculée sur les bénéficiaires du RSA.');
  b.blank();
  b.countTable(
    ['Situation', 'Nombre'],
    [
      ['Résidents d’un quartier prioritaire (QPV)', CELL.situation('qpv')],
      ['Reconnaissance travailleur handicapé (RQTH)', CELL.situation('rqth')],
      ['Demandeurs d’emploi de longue durée (DELD)', CELL.situation('deld')],
    ],
    CELL.active,
  );
  b.blank();
  b.countTable(['Niveau de formation', 'Nombre'], keyed(Object.keys(profile.education), CELL.education), CELL.active);
  b.blank();
  b.countTable(['Prescripteur', 'Nombre'], keyed(Object.keys(profile.prescriber), CELL.prescriber), CELL.active);
  b.explain('« Non répertorié » : un prescripteur saisi qui n’est pas dans la liste du classeur (son libellé n’est pas repris).');

  const attendance = summary.attendance;
  b.blank();
  b.section('3. Présences et ETP');
  b.header('Indicateur', 'Valeur', PREVIOUS_HEADER);
  b.add(
    labelCell('Heures réalisées (présent ou en retard)'),
    { value: attendance.hours, kind: 'hours' },
    previous.hours === null ? plainText(NO_VALUE) : { value: previous.hours, kind: 'hours' },
  );
  b.add(labelCell('Séances enregistrées'), b.count(CELL.sessions));
  b.add(labelCell('Présences (présent ou en retard)'), b.count(CELL.present));
  b.add(labelCell('Taux de présence'), b.derived(attendance.presenceRate, [CELL.present, CELL.sessions], 'rate'));
  b.add(
    labelCell('ETP réalisés'),
    { value: attendance.etp, kind: 'etp' },
    previous.etp === null ? plainText(NO_VALUE) : { value: previous.etp, kind: 'etp' },
  );
  b.explain(etpLine(context));
  b.add(
    labelCell('ETP conventionnés'),
    attendance.etpContracted === null ? plainText('non renseignés') : { value: attendance.etpContracted, kind: 'etp' },
  );
  b.explain('Postes financés par la convention : une moyenne annuelle, telle qu’écrite dans « Financeurs » (non proratisée).');
  b.add(
    labelCell('Taux de consommation des ETP conventionnés'),
    attendance.etpConsumption === null ? plainText(NO_VALUE) : { value: attendance.etpConsumption, kind: 'rate' },
  );
  b.explain('ETP réalisés ÷ ETP conventionnés : une période travaillée exactement au niveau financé donne 100 %.');
  b.blank();
  const workshopsFirst = b.nextRow;
  b.header('Atelier', 'Participants actifs', 'Heures', 'Séances', 'Taux de présence');
  attendance.byWorkshop.forEach((w, i) => {
    b.add(
      labelCell(w.workshop),
      b.count(CELL.workshopActive(i)),
      { value: w.hours, kind: 'hours' },
      b.count(CELL.workshopSessions(i)),
      b.derived(w.presenceRate, [CELL.workshopPresent(i), CELL.workshopSessions(i)], 'rate'),
    );
  });
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
  const categories = b.countTable(['Catégorie de sortie (ASP)', 'Nombre'], keyed(EXIT_CATEGORIES, CELL.category), CELL.exits);
  b.explain('Les trois premières catégories sont les sorties dynamiques.');
  b.chart('Sorties par catégorie', [categories], categories.row);
  b.blank();
  b.countTable(['Motif de sortie', 'Nombre'], keyed(Object.keys(exits.byReason), CELL.reason), CELL.exits);
  if (Object.keys(exits.byReason).length === 0) b.add(plainText('Aucune sortie sur la période.'));
  else b.explain('« Motif non répertorié » : un motif saisi qui n’est pas dans la feuille Motifs de sortie (son libellé n’est pas repris).');
  b.blank();
  b.header('Indicateur', 'Valeur', PREVIOUS_HEADER);
  b.add(labelCell('Sorties sur la période'), b.count(CELL.exits), b.optionalCount(CELL.previous('exits'), previous.exits));
  b.add(labelCell('Durée minimale de parcours pour examiner une sortie'), plainText(monthsText(context.minimumMonths)));
  b.add(labelCell('Sorties examinées'), b.count(CELL.examined));
  b.explain(examinedLine(context.minimumMonths));
  b.add(labelCell('Sorties non examinées (parcours trop courts)'), b.count(CELL.notExamined));
  b.add(labelCell('Sorties dynamiques'), b.count(CELL.dynamic), b.optionalCount(CELL.previous('dynamic'), previous.dynamic));
  b.explain('Emploi durable + emploi de transition + sorties positives, parmi les sorties examinées.');
  b.add(
    labelCell('Taux de sortie dynamique'),
    b.derived(exits.dynamicRate, [CELL.dynamic, CELL.examined], 'rate'),
    b.derived(previous.dynamicRate, [CELL.previous('dynamic'), CELL.previous('examined')], 'rate'),
  );
  b.explain('Sorties dynamiques ÷ sorties examinées (objectif usuel de la DGEFP pour une SIAE : 60 %).');
  b.add(
    labelCell('Taux d’emploi durable'),
    b.derived(exits.durableRate, [CELL.durableExamined, CELL.examined], 'rate'),
    b.derived(previous.durableRate, [CELL.previous('durableExamined'), CELL.previous('examined')], 'rate'),
  );
  b.explain('Sorties en emploi durable ÷ sorties examinées (objectif usuel : 25 %).');
  b.add(
    labelCell('Taux d’emploi'),
    b.derived(exits.employmentRate, [CELL.employmentExamined, CELL.examined], 'rate'),
    b.derived(previous.employmentRate, [CELL.previous('employmentExamined'), CELL.previous('examined')], 'rate'),
  );
  b.explain('Sorties en emploi durable ou de transition ÷ sorties examinées.');
  b.add(labelCell('Durée moyenne des parcours sortis (jours)'), b.derived(exits.averageDurationDays, [CELL.exits], 'days'));

  const evaluations = summary.evaluations;
  b.blank();
  b.section('5. Évaluations');
  b.header('Indicateur', 'Valeur');
  b.add(labelCell('Participants évalués sur la période'), b.count(CELL.evaluated));
  b.add(labelCell('Objectifs évalués'), b.count(CELL.assessed));
  b.add(labelCell('Objectifs acquis'), b.count(CELL.acquired));
  b.add(labelCell('Part des objectifs acquis'), b.derived(evaluations.acquiredRate, [CELL.acquired, CELL.assessed], 'rate'));
  b.add(labelCell('Participants en progression'), b.count(CELL.progressing));

  b.blank();
  layoutSupportSection(b, summary.support, '6. Accompagnement');

  b.blank();
  b.section('7. Problèmes de données');
  b.header('Indicateur', 'Nombre');
  b.add(labelCell('Problèmes relevés à la lecture du classeur'), b.count(CELL.dataIssues));
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
