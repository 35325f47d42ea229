import { defaultContractEnd, defaultTrialEnd } from '../../../forms/admission-defaults';
import { type AdmitInput, admitSchema } from '../../../forms/admit-schema';
import type { FormContext } from '../../../forms/form-context';
import { byId, dayFr, fillSelect } from '../../dom';
import { bindForm, readControls, showSuccess } from '../../form-controller';
import { parcoursChoices, startPage } from '../../form-page';
import { serverCall } from '../../server-call';

startPage((initial) => {
  let context: FormContext = initial;
  const form = byId<HTMLFormElement>('form');
  const select = byId<HTMLSelectElement>('id');
  const fillCandidates = (): void =>
    fillSelect(select, parcoursChoices(context, (p) => p.entryDate === null && p.exitDate === null), 'Choisissez un candidat');
  fillCandidates();

  select.addEventListener('change', () => {
    const p = context.parcours.find((x) => x.id === select.value);
    byId<HTMLInputElement>('commissionDate').value = p?.commissionDate ?? '';
  });
  byId('entryDate').addEventListener('change', () => {
    const entry = byId<HTMLInputElement>('entryDate').value;
    byId('defaults').textContent = /^\d{4}-\d{2}-\d{2}$/.test(entry)
      ? `Fin de période d'essai : ${dayFr(defaultTrialEnd(entry, context.trialMonths))} · fin de contrat : ${dayFr(defaultContractEnd(entry, context.contractMonths))}`
      : '';
  });

  bindForm({
    form,
    schema: () => admitSchema(context),
    collect: () => readControls(form) as AdmitInput,
    submit: (payload) => serverCall('admitCandidate', payload),
    onSuccess: (answer) => {
      const admitted = context.parcours.find((p) => p.id === answer.id);
      const entry = byId<HTMLInputElement>('entryDate').value;
      form.reset();
      byId('defaults').textContent = '';
      const who = admitted ? ` (${admitted.firstName} ${admitted.lastName})` : '';
      showSuccess(`${answer.id} admis(e)${who} : entrée le ${dayFr(entry)}, ligne ${answer.row} mise à jour.`);
      serverCall('getFormContext').then((next) => {
        if (next.ok) {
          context = next.context;
          fillCandidates();
        }
      });
    },
  });
});
