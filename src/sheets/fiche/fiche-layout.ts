import { type CellOut, dateCell, textCell } from '../../domain/cell-output';
import { type CalendarDay, daysBetween, formatDayFr, type TimeZone } from '../../domain/calendar-day';
import type { ParcoursFiche } from '../../domain/fiche/parcours-fiche';
import { DOMAINS } from '../../domain/records';
import { formatNumberFr } from '../../domain/text';

/**
 * The sheet `Fiche P-…` (SPEC §4) as one block: values, number formats and weights, cell by cell,
 * so that the writer makes the same few calls for a parcours of one month or of two years. Six
 * columns whose widths add up to less than an A4 portrait page at 100 %: it prints one page wide.
 */
export const FICHE_WIDTH = 6;
/** Pixels; 630 in all, under the ~650 px an A4 portrait page holds between normal margins. */
export const FICHE_COLUMN_WIDTHS = [120, 130, 95, 95, 95, 95] as const;

type Kind = 'title' | 'warning' | 'meta' | 'empty' | 'section' | 'header' | 'label' | 'text' | 'date' | 'count' | 'hours' | 'rate';

const FORMATS: Record<Kind, string> = {
  title: '@',
  warning: '@',
  meta: '@',
  empty: '@',
  section: '@',
  header: '@',
  label: '@',
  text: '@',
  date: 'dd/mm/yyyy',
  count: '0',
  hours: '0.0',
  rate: '0%',
};
const BOLD: readonly Kind[] = ['title', 'warning', 'section', 'header', 'label'];
const SECTION_BACKGROUND = '#d2e3fc';
const HEADER_BACKGROUND = '#e8f0fe';
const WARNING_BACKGROUND = '#fce8e6';

export interface FicheLayout {
  /** 1-based rows whose single text spans the six columns (title, notices, section titles): merged across. */
  fullWidthRows: number[];
  values: CellOut[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  backgrounds: string[][];
}

interface Cell {
  value: CellOut;
  kind: Kind;
}

const text = (value: string | null, kind: Kind = 'text'): Cell => ({ value: textCell(value ?? ''), kind });
const date = (day: CalendarDay | null, timeZone: TimeZone): Cell => (day === null ? text('—') : { value: dateCell(day, timeZone), kind: 'date' });
const num = (value: number | null, kind: 'count' | 'hours' | 'rate'): Cell => (value === null ? text('—') : { value, kind });

export interface FicheContext {
  /** Structure name from `Paramètres`. */
  structure: string;
  /** « Établie le 20/11/2026 à 10:02 par … ». */
  generatedLine: string;
  /** The spreadsheet's zone: the fiche's dates are written as days there. */
  timeZone: TimeZone;
}

export function layoutFiche(fiche: ParcoursFiche, context: FicheContext): FicheLayout {
  const rows: Cell[][] = [];
  const add = (...cells: Cell[]) => rows.push(cells);
  const blank = () => rows.push([]);
  const section = (title: string) => add(text(title, 'section'));
  const header = (...labels: string[]) => add(...labels.map((l) => text(l, 'header')));
  const p = fiche.parcours;

  add(text(`Fiche de parcours — ${p.lastName.toUpperCase()} ${p.firstName} (${p.id})`, 'title'));
  add(
    text(
      'Document nominatif (données personnelles) : à garder dans le dossier du participant, à ne jamais transmettre à un financeur. ' +
        'Supprimé par l’anonymisation du parcours.',
      'warning',
    ),
  );
  add(text(`${context.structure.trim() || 'Structure non renseignée'} — ${context.generatedLine}`, 'meta'));

  blank();
  section('Identité et contrat');
  const pair = (l1: string, v1: Cell, l2: string, v2: Cell) => add(text(l1, 'label'), v1, text(''), text(l2, 'label'), v2);
  pair('Nom', text(`${p.lastName.toUpperCase()} ${p.firstName}`), 'ID', text(p.id));
  pair('Date de naissance', date(p.birthDate, context.timeZone), 'Statut', text(fiche.status));
  pair('Atelier', text(p.workshop ?? '—'), 'Référent', text(p.referent ?? '—'));
  pair('Financeurs', text(p.funders.join(', ') || '—'), 'Prescripteur', text(p.prescriber ?? '—'));
  pair('Date de commission', date(p.commissionDate, context.timeZone), 'Date d’entrée', date(p.entryDate, context.timeZone));
  pair('Fin de période d’essai', date(p.trialEnd, context.timeZone), 'Fin de contrat', date(p.contractEnd, context.timeZone));
  pair('Heures hebdo prévues', num(p.weeklyHours, 'hours'), 'Minimum social', text(p.minimumSocial));

  blank();
  section('Présences par mois');
  header('Mois', 'Séances', 'Présences', 'Heures', 'Heures prévues', 'Réalisation');
  for (const m of fiche.months) {
    add(text(monthLabel(m.month)), num(m.sessions, 'count'), num(m.present, 'count'), num(m.hours, 'hours'), num(m.plannedHours, 'hours'), num(m.realisationRate, 'rate'));
  }
  if (fiche.months.length === 0) add(text('Pas encore entré(e) : aucune présence.', 'empty'));
  else {
    const total = (of: (m: (typeof fiche.months)[number]) => number | null) => fiche.months.reduce((s, m) => s + (of(m) ?? 0), 0);
    const planned = p.weeklyHours === null ? null : total((m) => m.plannedHours);
    const hours = total((m) => m.hours);
    add(text('Total', 'label'), num(total((m) => m.sessions), 'count'), num(total((m) => m.present), 'count'), num(hours, 'hours'), num(planned, 'hours'), num(planned ? hours / planned : null, 'rate'));
  }
  add(text('Heures prévues = heures hebdo × semaines du parcours dans le mois (jours du parcours ÷ 7) ; réalisation = heures ÷ heures prévues.', 'meta'));

  blank();
  section('Grille d’évaluation');
  header('Domaine', 'Objectif', 'Premier niveau', 'Dernier niveau', 'Progression', 'Niveaux par date');
  const grid = [...fiche.grid].sort((a, b) => DOMAINS.indexOf(a.domain) - DOMAINS.indexOf(b.domain));
  for (const o of grid) {
    const history = fiche.assessmentDates
      .map((d, i) => (o.levels[i] === null ? null : `${formatDayFr(d)} : ${o.levels[i]}`))
      .filter((s): s is string => s !== null)
      .join(' ; ');
    add(text(o.domain), text(o.objective), text(o.first), text(o.last), text(o.progressing ? 'En progression' : '—'), text(history));
  }
  if (grid.length === 0) add(text('Aucune évaluation enregistrée.', 'empty'));

  blank();
  section('Freins et actions d’accompagnement');
  header('Date', 'Action', 'Frein : état', 'Heures', 'Partenaire', 'Commentaire');
  for (const s of fiche.support) {
    add(
      date(s.date, context.timeZone),
      text(s.action),
      text(s.barrier === null ? '—' : `${s.barrier} : ${s.barrierState}`),
      s.hours === null ? text('') : num(s.hours, 'hours'),
      text(s.partner ?? ''),
      text(s.comment ?? ''),
    );
  }
  if (fiche.support.length === 0) add(text('Aucune action enregistrée.', 'empty'));

  blank();
  section('Sortie');
  if (p.exitDate === null) add(text('Pas de sortie enregistrée.', 'empty'));
  else {
    pair('Date de sortie', date(p.exitDate, context.timeZone), 'Motif', text(p.exitReason ?? 'Non renseigné'));
    const days = p.entryDate === null ? null : daysBetween(p.entryDate, p.exitDate);
    pair('Catégorie', text(fiche.exitCategory ?? 'Motif non répertorié'), 'Durée', text(days === null ? '—' : `${formatNumberFr(days)} jours`));
  }

  const padded = rows.map((row) => Array.from({ length: FICHE_WIDTH }, (_, i): Cell => row[i] ?? text('')));
  const spanning: readonly Kind[] = ['title', 'warning', 'meta', 'section'];
  return {
    fullWidthRows: rows.flatMap((row, i) => (row.length === 1 && spanning.includes(row[0]!.kind) ? [i + 1] : [])),
    values: padded.map((row) => row.map((c) => c.value)),
    numberFormats: padded.map((row) => row.map((c) => FORMATS[c.kind])),
    fontWeights: padded.map((row) => row.map((c) => (BOLD.includes(c.kind) ? 'bold' : 'normal'))),
    backgrounds: padded.map((row) => {
      const first = row[0]!.kind;
      return row.map((c) =>
        first === 'section' ? SECTION_BACKGROUND : first === 'warning' ? WARNING_BACKGROUND : c.kind === 'header' ? HEADER_BACKGROUND : '#ffffff',
      );
    }),
  };
}

const MONTHS_FR = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** `2026-03` → `mars 2026`. */
function monthLabel(month: string): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS_FR[m - 1]} ${year}`;
}
