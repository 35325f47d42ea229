import { currentMotifLabel } from '../domain/exit-labels';
import { addMonths, type CalendarDay, type TimeZone } from '../domain/calendar-day';
import { type CellOut, dateCell } from '../domain/cell-output';
import { isEmptyCell, readDate, readLabel, readListValue, readNumber, readText, readYesNo, type Result } from '../domain/cell-values';
import type { HeaderMap } from '../domain/header-map';
import { PRESENCE_STATUSES } from '../domain/records';
import { findLabel, normalizeId } from '../domain/text';
import { type FieldSpec, SHEET, type SheetSpec } from '../domain/workbook-schema';
import { parcoursStatus } from '../domain/parcours-status';

/**
 * What the `onEdit` simple trigger does with a hand edit, as pure rules: which French notes the
 * edited cells get or lose, and which derived cells are filled. It never rewrites what a person
 * typed or pasted: an edited cell is never changed, a derived cell only when empty, and a `Statut`
 * only when it is empty or is the status Parcours derived from the row before this edit (known
 * from the edit's old value, which Google gives for a single-cell edit only). A pasted row saying
 * « Sorti » therefore stays « Sorti ».
 */

export const EDITED_SHEETS = [SHEET.participants, SHEET.attendance, SHEET.evaluations] as const;
export type EditedSheet = (typeof EDITED_SHEETS)[number];

/** Notes Parcours writes start with this, so a note a person wrote is never removed. */
export const NOTE_PREFIX = 'Parcours : ';

export type Lookup = 'parameters' | 'participantIds' | 'workshops' | 'motifs';

export interface EditLookups {
  parameters?: { trialMonths: number; contractMonths: number };
  /** Participants IDs, normalised with normalizeId. */
  participantIds?: ReadonlySet<string>;
  workshops?: readonly { name: string; sessionHours: number | null }[];
  motifs?: readonly string[];
}

export interface EditInput {
  spec: SheetSpec;
  map: HeaderMap;
  /** Sheet row of `rows[0]`. */
  firstRow: number;
  /** 1-based first column and width of the edited range. */
  firstColumn: number;
  numColumns: number;
  /** The edited rows in full width, from column 1. */
  rows: readonly (readonly unknown[])[];
  /** Current notes of the edited range. */
  notes: readonly (readonly string[])[];
  lookups: EditLookups;
  today: CalendarDay;
  /** The spreadsheet's zone: typed dates are read, and derived dates written, as days there. */
  timeZone: TimeZone;
  /**
   * A single-cell edit: the cell's value before it (`e.oldValue`, '' when it was empty; a date as
   * its serial number). Undefined for a paste or a fill-down, where Google gives no old value.
   */
  oldValue?: unknown;
}

export interface CellFill {
  row: number;
  /** 1-based. */
  column: number;
  value: CellOut;
}

export interface EditPlan {
  /** The edited range's notes to write, or null when none changes. */
  notes: string[][] | null;
  fills: CellFill[];
}

const PARTICIPANT_DATES = ['entryDate', 'trialEnd', 'contractEnd', 'exitDate'];

/** Field keys whose column lies in the edited range. */
export function editedKeys(map: HeaderMap, firstColumn: number, numColumns: number): Set<string> {
  const keys = new Set<string>();
  for (const [key, index] of Object.entries(map.columns)) {
    if (index + 1 >= firstColumn && index + 1 < firstColumn + numColumns) keys.add(key);
  }
  return keys;
}

/** The other sheets an edit needs to read, so that a simple edit reads as little as possible. */
export function neededLookups(sheet: EditedSheet, keys: ReadonlySet<string>): Set<Lookup> {
  const needed = new Set<Lookup>();
  if (sheet === SHEET.participants) {
    if (PARTICIPANT_DATES.some((k) => keys.has(k))) needed.add('parameters');
    if (keys.has('exitReason')) needed.add('motifs');
  } else {
    if (keys.has('id')) needed.add('participantIds');
    if (sheet === SHEET.attendance && (keys.has('workshop') || keys.has('status') || keys.has('hours'))) needed.add('workshops');
  }
  return needed;
}

export function planEdit(input: EditInput): EditPlan {
  const { spec, map, firstRow, firstColumn, numColumns, rows, lookups, timeZone } = input;
  const keys = editedKeys(map, firstColumn, numColumns);
  const fieldAtColumn = new Map<number, FieldSpec>();
  for (const field of spec.fields) {
    const index = map.columns[field.key];
    if (index !== undefined) fieldAtColumn.set(index + 1, field);
  }

  let notesChanged = false;
  const notes = rows.map((cells, i) =>
    Array.from({ length: numColumns }, (_, j) => {
      const current = input.notes[i]?.[j] ?? '';
      const field = fieldAtColumn.get(firstColumn + j);
      if (current !== '' && !current.startsWith(NOTE_PREFIX)) return current; // a person's note
      const problem = field ? cellProblem(spec.name as EditedSheet, field, cells[firstColumn + j - 1], lookups, timeZone) : null;
      const wanted = problem === null ? '' : NOTE_PREFIX + problem;
      if (wanted !== current) notesChanged = true;
      return wanted;
    }),
  );

  const fills: CellFill[] = [];
  rows.forEach((cells, i) => {
    const row = firstRow + i;
    const isBlank = cells.every(isEmptyCell);
    if (isBlank) return;
    const fill = (key: string, value: CellOut): void => {
      const index = map.columns[key];
      if (index !== undefined) fills.push({ row, column: index + 1, value });
    };
    const raw = (key: string): unknown => {
      const index = map.columns[key];
      return index === undefined ? undefined : cells[index];
    };
    const isEmpty = (key: string): boolean => map.columns[key] !== undefined && isEmptyCell(raw(key));

    if (spec.name === SHEET.participants && PARTICIPANT_DATES.some((k) => keys.has(k))) {
      const entry = readDate(raw('entryDate'), timeZone);
      const typedTrial = readDate(raw('trialEnd'), timeZone);
      const exit = readDate(raw('exitDate'), timeZone);
      if (!entry.ok || !typedTrial.ok || !exit.ok) return;
      let trialEnd = typedTrial.value;
      if (entry.value !== null && lookups.parameters) {
        if (isEmpty('trialEnd') && !keys.has('trialEnd')) {
          trialEnd = addMonths(entry.value, lookups.parameters.trialMonths);
          fill('trialEnd', dateCell(trialEnd, timeZone));
        }
        if (isEmpty('contractEnd') && !keys.has('contractEnd')) {
          fill('contractEnd', dateCell(addMonths(entry.value, lookups.parameters.contractMonths), timeZone));
        }
      }
      const status = parcoursStatus({ entryDate: entry.value, trialEnd, exitDate: exit.value }, input.today);
      const current = readText(raw('status'), timeZone);
      const derived = current === null || (current !== status && current === statusBeforeEdit(input, raw));
      if (!keys.has('status') && derived && current !== status) fill('status', status);
    }

    if (spec.name === SHEET.attendance && lookups.workshops && isEmpty('hours') && !keys.has('hours')) {
      const status = readListValue(raw('status'), PRESENCE_STATUSES, timeZone);
      const workshopName = readText(raw('workshop'), timeZone);
      const workshop = workshopName === null ? undefined : lookups.workshops.find((w) => findLabel(workshopName, [w.name]) !== null);
      if (status.ok && (status.value === 'Présent' || status.value === 'Retard') && workshop?.sessionHours) {
        fill('hours', workshop.sessionHours);
      }
    }
  });
  return { notes: notesChanged ? notes : null, fills };
}

/**
 * The Statut Parcours would have written for the row as it was before a single-cell edit of one of
 * its dates, or null when that is unknown (a paste, a fill-down, an unreadable date).
 */
function statusBeforeEdit(input: EditInput, raw: (key: string) => unknown): string | null {
  if (input.oldValue === undefined || input.rows.length !== 1 || input.numColumns !== 1) return null;
  const column = input.firstColumn - 1;
  const before = (key: string): unknown => {
    const index = input.map.columns[key];
    if (index !== column) return raw(key);
    // Google sends a date cell's old value as its serial number, as text.
    const old = input.oldValue;
    return typeof old === 'string' && /^\d+(\.\d+)?$/.test(old) ? Number(old) : old;
  };
  const entry = readDate(before('entryDate'), input.timeZone);
  const trial = readDate(before('trialEnd'), input.timeZone);
  const exit = readDate(before('exitDate'), input.timeZone);
  if (!entry.ok || !trial.ok || !exit.ok) return null;
  const trialEnd = trial.value ?? (entry.value && input.lookups.parameters ? addMonths(entry.value, input.lookups.parameters.trialMonths) : null);
  return parcoursStatus({ entryDate: entry.value, trialEnd, exitDate: exit.value }, input.today);
}

/** Why a typed cell cannot be read, in French, or null when it can (or is empty). */
export function cellProblem(sheet: EditedSheet, field: FieldSpec, value: unknown, lookups: EditLookups, timeZone: TimeZone): string | null {
  const failed = (result: Result<unknown>): string | null => (result.ok ? null : result.message);
  const text = readText(value, timeZone);
  if (text === null) return null;
  switch (field.kind) {
    case 'date':
      return failed(readDate(value, timeZone));
    case 'number':
      return failed(readNumber(value, timeZone));
    case 'yesno':
      return failed(readYesNo(value, timeZone));
    case 'list':
      if (field.list?.kind === 'fixed') return failed(readListValue(value, field.list.values, timeZone));
      break;
    default:
      break;
  }
  if (sheet !== SHEET.participants && field.key === 'id' && lookups.participantIds && !lookups.participantIds.has(normalizeId(text))) {
    return `ID « ${text} » introuvable dans la feuille « Participants » : vérifiez l’ID du parcours.`;
  }
  if (
    sheet === SHEET.participants &&
    field.key === 'exitReason' &&
    lookups.motifs &&
    findLabel(text, lookups.motifs) === null &&
    findLabel(currentMotifLabel(text), lookups.motifs) === null
  ) {
    return 'Motif de sortie absent de la feuille « Motifs de sortie » : choisissez un motif de la liste.';
  }
  if (sheet === SHEET.attendance && field.key === 'workshop' && lookups.workshops) {
    if (findLabel(text, lookups.workshops.map((w) => w.name)) === null) {
      return `Atelier inconnu « ${text} » : choisissez un atelier de la feuille « Ateliers ».`;
    }
  }
  return null;
}

/** The Journal line of an edit that Parcours completed: the row's ID (one row) and what was written. */
export interface EditJournal {
  id: string;
  detail: string;
}

/**
 * What the trigger wrote for this edit, in French, for the Journal; null when it wrote nothing
 * (no line then). Columns are named by the sheet's own headers.
 */
export function describeEdit(input: EditInput, plan: EditPlan): EditJournal | null {
  const header = (column: number): string => input.map.headerRow[column - 1] || `colonne ${column}`;
  const filled = [...new Set(plan.fills.map((f) => f.column))].sort((a, b) => a - b).map(header);
  const added: string[] = [];
  const removed: string[] = [];
  for (const [i, cells] of (plan.notes ?? []).entries()) {
    for (const [j, wanted] of cells.entries()) {
      if (wanted === (input.notes[i]?.[j] ?? '')) continue;
      const column = header(input.firstColumn + j);
      (wanted === '' ? removed : added).push(input.rows.length > 1 ? `${column} (ligne ${input.firstRow + i})` : column);
    }
  }
  if (filled.length === 0 && added.length === 0 && removed.length === 0) return null;
  const last = input.firstRow + input.rows.length - 1;
  const rows = last === input.firstRow ? `Ligne ${input.firstRow}` : `Lignes ${input.firstRow} à ${last}`;
  const parts: string[] = [];
  if (filled.length > 0) parts.push(`rempli : ${filled.join(', ')}`);
  if (added.length > 0) parts.push(`note sur : ${added.join(', ')}`);
  if (removed.length > 0) parts.push(`note retirée : ${removed.join(', ')}`);
  const idColumn = input.map.columns['id'];
  const id = input.rows.length === 1 && idColumn !== undefined ? (readLabel(input.rows[0]?.[idColumn]) ?? '') : '';
  return { id, detail: `${rows} ; ${parts.join(' ; ')}.` };
}
