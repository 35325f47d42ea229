import type { Period } from '../../src/domain/period';
import type {
  Attendance,
  Evaluation,
  ExitReason,
  Funder,
  Parameters,
  Parcours,
  WorkbookData,
  Workshop,
} from '../../src/domain/records';
import { DEFAULT_EXIT_REASONS } from '../../src/domain/workbook-schema';

/** Small builders with defaults, so each test states only what matters to it. */

export const T3_2026: Period = { start: '2026-07-01', end: '2026-09-30', label: '2026-T3' };

let nextRow = 2;

export function parcours(id: string, fields: Partial<Parcours> = {}): Parcours {
  return {
    row: nextRow++,
    id,
    lastName: 'Martin',
    firstName: 'Camille',
    birthDate: '1990-05-10',
    sex: 'F',
    commune: null,
    qpv: false,
    minimumSocial: 'Aucun',
    rsaOrientation: null,
    franceTravail: null,
    deld: null,
    rqth: null,
    education: null,
    prescriber: null,
    referent: null,
    workshop: null,
    funders: [],
    commissionDate: null,
    entryDate: '2026-01-05',
    trialEnd: null,
    contractEnd: null,
    weeklyHours: null,
    exitDate: null,
    exitReason: null,
    status: null,
    observations: null,
    ...fields,
  };
}

export function presence(
  id: string,
  date: string,
  workshop: string,
  status: Attendance['status'],
  hours: number,
  row = nextRow++,
): Attendance {
  return { row, date, workshop, id, status, hours, comment: null };
}

export function evaluation(
  id: string,
  date: string,
  objective: string,
  level: Evaluation['level'],
  row: number,
  domain: Evaluation['domain'] = 'Savoir-être',
): Evaluation {
  return { row, date, id, type: null, domain, objective, level, evaluator: null, comment: null };
}

export function funder(code: string, fields: Partial<Funder> = {}): Funder {
  return { row: nextRow++, code, name: null, etpContracted: null, hoursPerEtp: 1607, minimumMonths: 0, ...fields };
}

export function workshop(name: string): Workshop {
  return { row: nextRow++, name, supervisor: null, capacity: null, sessionHours: 3, days: null, active: true };
}

export const DEFAULT_REASONS: ExitReason[] = DEFAULT_EXIT_REASONS.map(([motif, category], i) => ({
  row: i + 2,
  motif,
  category,
}));

const PARAMETERS: Parameters = {
  structureName: 'Atelier du Pré Vert',
  minimumWeeklyHours: 9,
  trialMonths: 1,
  contractMonths: 6,
  followUpMonths: 2,
  absenceAlert: 3,
  retentionMonths: 24,
  secrecyThreshold: 0,
  coordinatorEmails: [],
};

export function workbook(fields: Partial<WorkbookData> = {}): WorkbookData {
  return {
    parcours: [],
    workshops: [],
    attendance: [],
    evaluations: [],
    support: [],
    funders: [],
    exitReasons: DEFAULT_REASONS,
    parameters: PARAMETERS,
    lists: { Prescripteur: ['France Travail', 'Mission locale', 'Cap emploi'] },
    issues: [],
    ...fields,
  };
}
