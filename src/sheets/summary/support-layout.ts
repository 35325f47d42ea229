import type { SupportSummary } from '../../domain/summary/summary-schema';
import { type LayoutBuilder, labelCell } from './summary-layout';
import { MASKED_DERIVED } from './secrecy';

/**
 * Section 6 of the summary sheet (SPEC §3.6): actions by type, then barriers. Only labels of
 * the fixed action list and of the `Listes` Frein column appear, never a comment or a partner.
 *
 * Secrecy: every count goes through the builder's mask; the hours of an action type are masked
 * with its participants (one person's training hours would single that person out).
 */
export function layoutSupportSection(b: LayoutBuilder, support: SupportSummary, title: string): void {
  b.section(title);
  b.header('Action', 'Actions', 'Participants', 'Heures');
  for (const [type, totals] of Object.entries(support.actions)) {
    const participants = b.count(totals.participants);
    b.add(
      labelCell(type),
      b.count(totals.count),
      participants,
      typeof participants.value === 'string' ? { value: MASKED_DERIVED, kind: 'text' } : { value: totals.hours, kind: 'hours' },
    );
  }
  b.blank();
  b.header('Frein', 'Participants concernés', 'Freins travaillés', 'Freins levés');
  for (const [barrier, counts] of Object.entries(support.barriers)) {
    b.add(labelCell(barrier), b.count(counts.concerned), b.count(counts.workedOn), b.count(counts.lifted));
  }
  b.add({
    value:
      'Concernés : un point sur ce frein dans la période, ou avant elle sans qu’il soit levé. ' +
      'Travaillés : un point dans la période. Levés : le dernier point de la période le dit levé.',
    kind: 'note',
  });
}
