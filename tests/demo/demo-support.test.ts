/** The demo's `Accompagnement`: valid rows a coordinator would recognise (SPEC §1.7). */
import { addMonths } from '../../src/domain/calendar-day';
import { supportWindow } from '../../src/domain/codecs/support';
import type { Parcours } from '../../src/domain/records';
import { BARRIER_STATES, SUPPORT_ACTIONS } from '../../src/domain/records';
import { buildDemoWorkbook, DEMO_DEFAULTS } from '../../src/demo/demo-workbook';
import { isWorkingDay } from '../../src/demo/work-calendar';
import { DEFAULT_BARRIERS } from '../../src/domain/workbook-schema';

const AS_OF = DEMO_DEFAULTS.asOf;
const demo = buildDemoWorkbook();
const HEALTH_WORDS = /dépress|diabèt|cancer|alcool|addict|psychi|traitement|maladie|handicap|hospital/i;

describe('demo Accompagnement', () => {
  it('is deterministic', () => {
    expect(buildDemoWorkbook().support).toEqual(demo.support);
  });

  it('every row valid: a working day inside its parcours, known labels, a state exactly with a barrier, hours in range, neutral comments', () => {
    const byId = new Map(demo.parcours.map((p) => [p.id, { ...p, row: 0 } as Parcours]));
    const problems: string[] = [];
    for (const s of demo.support) {
      const p = byId.get(s.id);
      const window = p && supportWindow(p, AS_OF);
      if (!window || s.date < window.start || s.date > window.end) problems.push(`${s.id} ${s.date}: hors parcours`);
      if (!isWorkingDay(s.date)) problems.push(`${s.id} ${s.date}: jour non ouvré`);
      if (!(SUPPORT_ACTIONS as readonly string[]).includes(s.action)) problems.push(`${s.id}: action ${s.action}`);
      if ((s.barrier === null) !== (s.barrierState === null)) problems.push(`${s.id} ${s.date}: état sans frein`);
      if (s.barrier !== null && !(DEFAULT_BARRIERS as readonly string[]).includes(s.barrier)) problems.push(`${s.id}: frein ${s.barrier}`);
      if (s.barrierState !== null && !(BARRIER_STATES as readonly string[]).includes(s.barrierState)) problems.push(`${s.id}: état`);
      if (s.hours !== null && !(s.hours > 0 && s.hours <= 400)) problems.push(`${s.id}: heures ${s.hours}`);
      if (s.comment !== null && HEALTH_WORDS.test(s.comment)) problems.push(`${s.id}: commentaire ${s.comment}`);
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('interviews every two months, barriers identified then lifted, trainings and immersions with hours', () => {
    const interviewsOf = (id: string) => demo.support.filter((s) => s.id === id && s.action === 'Entretien individuel').map((s) => s.date);
    for (const p of demo.parcours) {
      if (p.entryDate === null) continue;
      const last = p.exitDate ?? AS_OF;
      // A parcours of more than seven months has had at least four interviews.
      if (addMonths(p.entryDate, 7) < last) expect(interviewsOf(p.id).length).toBeGreaterThanOrEqual(4);
    }
    const states = new Map<string, string[]>();
    for (const s of demo.support) {
      if (s.barrier === null) continue;
      const key = `${s.id}|${s.barrier}`;
      states.set(key, [...(states.get(key) ?? []), s.barrierState!]);
    }
    const histories = [...states.values()];
    expect(histories.every((h) => h[0] === 'Identifié')).toBe(true);
    expect(histories.filter((h) => h.includes('Levé')).length).toBeGreaterThan(histories.length / 4);
    // Some barriers come back after being lifted.
    expect(histories.some((h) => h.indexOf('Levé') >= 0 && h.lastIndexOf('Identifié') > h.indexOf('Levé'))).toBe(true);
    const withHours = (action: string) => demo.support.filter((s) => s.action === action && s.hours !== null);
    expect(withHours('Formation').length).toBeGreaterThan(10);
    expect(withHours('Immersion en entreprise (PMSMP)').length).toBeGreaterThan(10);
  });
});
