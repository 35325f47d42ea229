import { readLabel } from '../domain/cell-values';
import { mapHeaders } from '../domain/header-map';
import { normalizeKey } from '../domain/text';
import { UserError } from '../domain/user-error';
import { type FieldSpec, SHEET, type SheetName, type SheetSpec, WORKBOOK_SCHEMA } from '../domain/workbook-schema';
import { levenshtein } from './levenshtein';

/** The sheets a team may adopt from its own table (the others are Parcours' settings and log). */
export const ADOPTABLE_SHEETS: readonly SheetName[] = WORKBOOK_SCHEMA.map((s) => s.name).filter(
  (name) => name !== SHEET.journal && name !== SHEET.parameters && name !== SHEET.lists,
);

export type MatchKind = 'exact' | 'synonym' | 'close' | 'none';

export interface ColumnProposal {
  /** 0-based column index in the team's sheet. */
  index: number;
  header: string;
  /** Field key proposed, or null: kept as an extra column. */
  field: string | null;
  match: MatchKind;
}

export interface MappingProposal {
  target: SheetName;
  columns: ColumnProposal[];
  /** Canonical headers of the fields no column matched: they will be added at the end. */
  missing: string[];
  /** Every field the dialog may offer: key and canonical header, in schema order. */
  fields: { key: string; header: string }[];
}

/**
 * Headers coordinators give these fields in their own sheets, offered by the adoption proposal
 * only (after SPEC §1's headers and synonyms, before close spellings). Reading keeps SPEC §1's
 * list: once adopted, the column carries the canonical header. A yes/no « RSA ? » or
 * « Bénéficiaire RSA » is deliberately absent: `Minimum social` is a list (RSA, AAH, ASS, Aucun),
 * so its « Oui » would be unreadable there and its « Non » would not say which allowance; it stays
 * an extra column.
 */
export const ADOPTION_SYNONYMS: Partial<Record<SheetName, Readonly<Record<string, readonly string[]>>>> = {
  [SHEET.participants]: {
    id: ['Matricule', 'N° dossier', 'N° de dossier', 'Numéro de dossier'],
    sex: ['H/F', 'F/H'],
    qpv: ['Quartier prio', 'Quartier politique de la ville'], // « Quartier prioritaire » is SPEC §1's own synonym
  },
  [SHEET.support]: {
    date: ['Date de l’action', 'Date du rendez-vous', 'Date RDV'],
    action: ['Nature de l’action', 'Action menée', 'Type'],
    barrier: ['Frein identifié', 'Frein périphérique', 'Problématique', 'Difficulté'],
    barrierState: ['État', 'Avancement du frein'],
    hours: ['Nombre d’heures', 'Nb heures', 'Heures réalisées'],
    partner: ['Partenaire mobilisé', 'Structure partenaire'],
  },
};

/** Names a team gives its own sheet of such rows: the adoption dialog suggests the Parcours sheet for it. */
export const ADOPTION_SHEET_NAMES: Partial<Record<SheetName, readonly string[]>> = {
  [SHEET.support]: ['Suivi', 'Suivi des freins', 'Freins', 'Actions', 'Accompagnement socio-professionnel', 'ASP'],
};

/** Close spellings accepted: none for short names (`ID`, `Nom`), more for long ones. */
export function spellingTolerance(key: string): number {
  if (key.length <= 3) return 0;
  if (key.length <= 7) return 1;
  return key.length <= 15 ? 2 : 3;
}

/**
 * Proposes which column holds which field: headers and synonyms first (exactly as reading does,
 * case, accents and punctuation ignored), then the adoption's own synonyms (`Matricule`, `H/F`),
 * then close spellings (`Date de naisance`, `Prénoms`) for the columns and fields left, nearest first.
 */
export function proposeMapping(spec: SheetSpec, headerRow: readonly unknown[]): MappingProposal {
  const map = mapHeaders(spec, headerRow);
  const headers = map.headerRow;
  const fieldOfColumn = new Map<number, string>();
  for (const [key, index] of Object.entries(map.columns)) fieldOfColumn.set(index, key);
  const columns: ColumnProposal[] = headers.map((header, index) => {
    const key = fieldOfColumn.get(index);
    if (key === undefined) return { index, header, field: null, match: 'none' };
    const field = spec.fields.find((f) => f.key === key)!;
    return { index, header, field: key, match: normalizeKey(header) === normalizeKey(field.header) ? 'exact' : 'synonym' };
  });

  const takenFields = new Set<string>(Object.keys(map.columns));
  const extraNames = ADOPTION_SYNONYMS[spec.name] ?? {};
  const namesOf = (field: FieldSpec): string[] => [field.header, ...field.synonyms, ...(extraNames[field.key] ?? [])];
  // The coordinators' usual headers, exactly (case, accents and punctuation ignored): `H/F`, `Matricule`.
  for (const field of map.missing) {
    const wanted = new Set((extraNames[field.key] ?? []).map(normalizeKey));
    const column = columns.find((c) => c.field === null && c.header !== '' && wanted.has(normalizeKey(c.header)));
    if (!column) continue;
    column.field = field.key;
    column.match = 'synonym';
    takenFields.add(field.key);
  }

  const candidates: { index: number; key: string; distance: number }[] = [];
  for (const column of columns) {
    const key = normalizeKey(column.header);
    if (column.field !== null || key === '') continue;
    for (const field of map.missing) {
      if (takenFields.has(field.key)) continue;
      for (const name of namesOf(field)) {
        const target = normalizeKey(name);
        const distance = levenshtein(key, target);
        if (distance <= Math.min(spellingTolerance(key), spellingTolerance(target))) {
          candidates.push({ index: column.index, key: field.key, distance });
        }
      }
    }
  }
  candidates.sort((a, b) => a.distance - b.distance || a.index - b.index);
  for (const c of candidates) {
    const column = columns[c.index]!;
    if (column.field !== null || takenFields.has(c.key)) continue;
    column.field = c.key;
    column.match = 'close';
    takenFields.add(c.key);
  }
  return {
    target: spec.name,
    columns,
    missing: spec.fields.filter((f) => !takenFields.has(f.key)).map((f) => f.header),
    fields: spec.fields.map((f) => ({ key: f.key, header: f.header })),
  };
}

export interface AdoptionPlan {
  /** The header row once adopted: mapped columns renamed, missing fields appended. */
  headerRow: string[];
  renamed: { from: string; to: string }[];
  added: string[];
  /** Team columns kept as they are (not a Parcours field). */
  extras: string[];
}

/**
 * Checks the mapping the coordinator confirmed (`choice[i]` = field key of column i, or null)
 * and turns it into the new header row. Refuses, in French, anything that would lose a column:
 * a field given to two columns, a header that changed since the proposal, or an extra column
 * whose name would be read as a Parcours field.
 */
export function planAdoption(spec: SheetSpec, headerRow: readonly unknown[], choice: readonly (string | null)[]): AdoptionPlan {
  const headers = Array.from(headerRow, (cell) => readLabel(cell) ?? '');
  if (choice.length !== headers.length) {
    throw new UserError('Les en-têtes de la feuille ont changé depuis la proposition : rouvrez « Adopter un classeur existant… ».');
  }
  const byKey = new Map(spec.fields.map((f) => [f.key, f] as const));
  const chosenBy = new Map<string, number>();
  choice.forEach((key, index) => {
    if (key === null) return;
    const field = byKey.get(key);
    if (!field) throw new UserError(`Champ inconnu « ${key} » pour la feuille « ${spec.name} ».`);
    const earlier = chosenBy.get(key);
    if (earlier !== undefined) {
      throw new UserError(
        `« ${field.header} » est choisi pour deux colonnes (« ${headers[earlier]} » et « ${headers[index]} ») : ` +
          'une seule colonne peut le recevoir, laissez l’autre en colonne supplémentaire.',
      );
    }
    if (headers[index] === '') {
      throw new UserError(`La colonne ${index + 1} n’a pas d’en-tête : écrivez-en un avant de l’associer à « ${field.header} ».`);
    }
    chosenBy.set(key, index);
  });

  // Every field ends up under its canonical header, so only a canonical name can be misread
  // (synonyms are claimed after canonical headers, never then).
  const fieldNames = new Map(spec.fields.map((f) => [normalizeKey(f.header), f.header] as const));
  const renamed: AdoptionPlan['renamed'] = [];
  const extras: string[] = [];
  const next = headers.map((header, index) => {
    const key = choice[index];
    if (key === null || key === undefined) {
      const clash = fieldNames.get(normalizeKey(header));
      if (clash !== undefined) {
        throw new UserError(
          `La colonne « ${header} » serait lue comme « ${clash} » : associez-la à ce champ, ou renommez-la avant l’adoption.`,
        );
      }
      if (header !== '') extras.push(header);
      return header;
    }
    const canonical = byKey.get(key)!.header;
    if (header !== canonical) renamed.push({ from: header, to: canonical });
    return canonical;
  });
  const added = spec.fields.filter((f) => !chosenBy.has(f.key)).map((f) => f.header);
  const plan: AdoptionPlan = { headerRow: [...next, ...added], renamed, added, extras };

  // The new header row must read back exactly as confirmed, or nothing is written.
  const check = mapHeaders(spec, plan.headerRow);
  for (const [key, index] of chosenBy) {
    if (check.columns[key] !== index) {
      throw new UserError(`La colonne « ${headers[index]} » ne serait pas lue comme prévu : vérifiez les en-têtes en double.`);
    }
  }
  return plan;
}

/** « 3 colonnes associées, 2 ajoutées… », for the confirmation and the Journal. */
export function adoptionSummary(plan: AdoptionPlan): string {
  const parts: string[] = [];
  if (plan.renamed.length > 0) parts.push(`renommées : ${plan.renamed.map((r) => `« ${r.from} » → « ${r.to} »`).join(', ')}`);
  if (plan.added.length > 0) parts.push(`ajoutées en fin de ligne : ${plan.added.join(', ')}`);
  if (plan.extras.length > 0) parts.push(`gardées telles quelles (colonnes supplémentaires) : ${plan.extras.join(', ')}`);
  return parts.length === 0 ? 'Les en-têtes étaient déjà ceux de Parcours.' : `Colonnes ${parts.join(' ; ')}.`;
}
