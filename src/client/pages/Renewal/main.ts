import type { FormContext } from '../../../forms/form-context';
import { currentContractEnd, type RenewalInput, renewalSchema } from '../../../forms/renewal-schema';
import { validateForm } from '../../../forms/form-validation';
import { byId, dayFr, fillSelect } from '../../dom';
import { bindForm, readControls, showSuccess } from '../../form-controller';
import { parcoursChoices, startPage } from '../../form-page';
import { serverCall } from '../../server-call';

startPage((initial) => {
  let context: FormContext = initial;
  const form = byId<HTMLFormElement>('form');
  const select = byId<HTMLSelectElement>('id');
  const months = byId<HTMLInputElement>('months');
  const fillParticipants = (): void =>
    fillSelect(select, parcoursChoices(context, (p) => p.entryDate !== null && p.exitDate === null), 'Choisissez un participant');
  fillParticipants();
  months.value = String(context.contractMonths);

  // The current and the new end of contract, computed by the same schema the server runs.
  const preview = (): void => {
    const p = context.parcours.find((x) => x.id === select.value);
    const current = p ? currentContractEnd(p, context.contractMonths) : null;
    byId('currentEnd').textContent = current ? `Fin de contrat actuelle : ${dayFr(current)}` : '';
    const result = validateForm(renewalSchema(context), readControls(form));
    byId('newEnd').textContent = result.ok ? `Nouvelle fin de contrat : ${dayFr(result.value.contractEnd)}` : '';
  };
  select.addEventListener('change', preview);
  months.addEventListener('input', preview);

  bindForm({
    form,
    schema: () => renewalSchema(context),
    collect: () => readControls(form) as RenewalInput,
    submit: (payload) => serverCall('renewContract', payload),
    onSuccess: (answer) => {
      showSuccess(`Contrat de ${answer.id} renouvelé jusqu'au ${dayFr(answer.contractEnd)}.`);
      // Nothing stays selected: a « Nouvelle fin de contrat » left on screen would read as a second renewal to save.
      select.value = '';
      preview();
      serverCall('getFormContext').then((next) => {
        if (next.ok) context = next.context;
      });
    },
  });
});
