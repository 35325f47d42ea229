import type { RawTables } from '../../src/domain/read-workbook';
import {
  ATTENDANCE_FIELDS,
  DEFAULT_EXIT_REASONS,
  EVALUATIONS_FIELDS,
  PARTICIPANTS_FIELDS,
  SUPPORT_FIELDS,
} from '../../src/domain/workbook-schema';

/** A sheet table: header row, then one row per object (keys = headers, missing = ''). */
export function sheetTable(headers: readonly string[], rows: readonly Record<string, unknown>[]): unknown[][] {
  return [[...headers], ...rows.map((row) => headers.map((h) => (h in row ? row[h] : '')))];
}

export const PARTICIPANT_HEADERS = PARTICIPANTS_FIELDS.map((f) => f.header);
export const ATTENDANCE_HEADERS = ATTENDANCE_FIELDS.map((f) => f.header);
export const EVALUATION_HEADERS = EVALUATIONS_FIELDS.map((f) => f.header);
export const SUPPORT_HEADERS = SUPPORT_FIELDS.map((f) => f.header);

/** A readable participant row: entry 02/02/2026, no exit. */
export function participant(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ID: 'P-2026-0001',
    Nom: 'Martin',
    Prénom: 'Camille',
    'Date de naissance': '12/05/1990',
    Sexe: 'F',
    "Date d'entrée": '02/02/2026',
    ...overrides,
  };
}

export function baseTables(parts: {
  participants?: Record<string, unknown>[];
  attendance?: Record<string, unknown>[];
  evaluations?: Record<string, unknown>[];
} = {}): RawTables {
  return {
    Paramètres: [
      ['Paramètre', 'Valeur'],
      ['Nom de la structure', 'Les Jardins du Val'],
      ['Heures hebdomadaires minimum', 9],
    ],
    Listes: [
      ['Prescripteur', 'Objectif', "Domaine de l'objectif"],
      ['France Travail', 'Travailler en équipe', 'Savoir-être'],
      ['Mission locale', "Respecter les règles d'hygiène", 'Savoir-faire'],
    ],
    Ateliers: [
      ['Atelier', 'Encadrant', 'Capacité', 'Durée de séance (h)', 'Jours', 'Actif'],
      ['Maraîchage', 'Luc Bernard', 8, 3.5, 'lundi, jeudi', 'Oui'],
      ['Menuiserie', 'Nadia Roux', 6, '', 'mardi', 'Oui'],
    ],
    Financeurs: [
      ['Code', 'Nom', 'ETP conventionnés', 'Heures annuelles par ETP', 'Durée minimale de parcours (mois)'],
      ['CD', 'Conseil départemental', 4, '', ''],
      ['PV', 'Politique de la ville', '', 1600, 3],
    ],
    'Motifs de sortie': [['Motif', 'Catégorie'], ...DEFAULT_EXIT_REASONS.map((r) => [...r])],
    Participants: sheetTable(PARTICIPANT_HEADERS, parts.participants ?? [participant()]),
    Présences: sheetTable(ATTENDANCE_HEADERS, parts.attendance ?? []),
    Évaluations: sheetTable(EVALUATION_HEADERS, parts.evaluations ?? []),
    Accompagnement: sheetTable(SUPPORT_HEADERS, []),
  };
}

export const TODAY = '2026-06-15';
