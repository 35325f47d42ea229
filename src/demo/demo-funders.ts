import type { Funder } from '../domain/records';
import { FUNDER_DEFAULTS } from '../domain/workbook-schema';

export type DemoFunder = Omit<Funder, 'row'>;

/**
 * The three usual funders of an ACI. ETP conventionnés grow with the demo size so the
 * consumption rate stays plausible (about 8 ETP for the Conseil départemental at 120 parcours).
 */
export function buildDemoFunders(parcoursCount: number): DemoFunder[] {
  const etp = (perHundredParcours: number) => Math.max(1, Math.round((parcoursCount * perHundredParcours) / 50) / 2);
  return [
    {
      code: 'CD',
      name: 'Conseil départemental — insertion des bénéficiaires du RSA',
      etpContracted: etp(6.5),
      hoursPerEtp: FUNDER_DEFAULTS.hoursPerEtp,
      minimumMonths: 0,
    },
    {
      code: 'DDETS',
      name: 'Services de l’État — insertion par l’activité économique (IAE)',
      etpContracted: etp(16),
      hoursPerEtp: FUNDER_DEFAULTS.hoursPerEtp,
      minimumMonths: 3,
    },
    {
      code: 'PV',
      name: 'Politique de la ville — contrat de ville',
      etpContracted: null,
      hoursPerEtp: FUNDER_DEFAULTS.hoursPerEtp,
      minimumMonths: 0,
    },
  ];
}
