import { EXIT_CATEGORIES } from '../../../domain/records';
import { type ExitInput, exitCategoryOf, exitSchema } from '../../../forms/exit-schema';
import type { FormContext } from '../../../forms/form-context';
import { byId, clear, dayFr, el, fillSelect } from '../../dom';
import { bindForm, readControls, showSuccess } from '../../form-controller';
import { parcoursChoices, startPage } from '../../form-page';
import { serverCall } from '../../server-call';

startPage((initial) => {
  let context: FormContext = initial;
  const form = byId<HTMLFormElement>('form');
  const select = byId<HTMLSelectElement>('id');
  const fillParticipants = (): void =>
    fillSelect(select, parcoursChoices(context, (p) => p.exitDate === null), 'Choisissez un participant');
  fillParticipants();

  // Motifs grouped by category, in the order of SPEC §1.6.
  const reasons = byId<HTMLSelectElement>('exitReason');
  clear(reasons);
  reasons.appendChild(el('option', { text: 'Choisissez un motif', attrs: { value: '' } }));
  for (const category of EXIT_CATEGORIES) {
    const group = el('optgroup', { attrs: { label: category } });
    for (const r of context.exitReasons.filter((x) => x.category === category)) {
      group.appendChild(el('option', { text: r.motif, attrs: { value: r.motif } }));
    }
    if (group.childElementCount > 0) reasons.appendChild(group);
  }
  reasons.addEventListener('change', () => {
    byId('category').textContent = exitCategoryOf(context, reasons.value) ?? '—';
  });
  select.addEventListener('change', () => {
    const p = context.parcours.find((x) => x.id === select.value);
    byId('entryInfo').textContent = !p
      ? ''
      : p.entryDate
        ? `Entré(e) le ${dayFr(p.entryDate)} — ${p.status}`
        : 'Candidature sans entrée : la sortie la retire de la liste d’attente (motif Abandon, Déménagement…).';
  });

  bindForm({
    form,
    schema: () => exitSchema(context),
    collect: () => readControls(form) as ExitInput,
    submit: (payload) => serverCall('recordExit', payload),
    onSuccess: (answer) => {
      form.reset();
      byId('category').textContent = '—';
      byId('entryInfo').textContent = '';
      showSuccess(`Sortie de ${answer.id} enregistrée (${answer.category ?? 'catégorie inconnue'}).`);
      serverCall('getFormContext').then((next) => {
        if (next.ok) {
          context = next.context;
          fillParticipants();
        }
      });
    },
  });
});
