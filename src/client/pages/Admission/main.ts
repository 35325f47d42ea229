import { EDUCATION_LEVELS, MINIMUM_SOCIAL, RSA_ORIENTATIONS } from '../../../domain/records';
import { defaultContractEnd, defaultTrialEnd } from '../../../forms/admission-defaults';
import { type AdmissionInput, admissionSchema } from '../../../forms/admission-schema';
import type { FormContext } from '../../../forms/form-context';
import { parcoursLabel } from '../../../forms/form-context';
import { findSamePerson } from '../../../forms/same-person';
import { byId, clear, dayFr, el, fillSelect, same } from '../../dom';
import { bindForm, readControls, showSuccess } from '../../form-controller';
import { startPage } from '../../form-page';
import { serverCall } from '../../server-call';

startPage((initial) => {
  let context: FormContext = initial;
  const form = byId<HTMLFormElement>('form');
  const input = (id: string) => byId<HTMLInputElement>(id);

  for (const select of Array.from(form.querySelectorAll<HTMLSelectElement>('select[data-yesno]'))) {
    fillSelect(select, same(['Oui', 'Non']), '—');
  }
  fillSelect(byId('minimumSocial'), same(MINIMUM_SOCIAL), '—');
  fillSelect(byId('rsaOrientation'), same(RSA_ORIENTATIONS), 'Non renseignée');
  fillSelect(byId('education'), same(EDUCATION_LEVELS), 'Non renseigné');
  fillSelect(byId('prescriber'), same(context.prescribers), '—');
  fillSelect(byId('workshop'), same(context.workshops.filter((w) => w.active).map((w) => w.name)), '—');
  const funders = byId('funders');
  for (const f of context.funders) {
    const box = el('input', { attrs: { type: 'checkbox', name: 'funders', value: f.code, 'data-multiple': '' } });
    funders.appendChild(el('label', { className: 'check', attrs: { title: f.name ?? f.code } }, [box, document.createTextNode(f.code)]));
  }

  const resetDefaults = (): void => {
    input('weeklyHours').value = String(context.minimumWeeklyHours).replace('.', ',');
  };
  resetDefaults();

  // The end dates follow the entry date until the user types their own.
  const edited = new Set<string>();
  for (const id of ['trialEnd', 'contractEnd']) input(id).addEventListener('input', () => edited.add(id));
  input('entryDate').addEventListener('change', () => {
    const entry = input('entryDate').value;
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(entry);
    if (!edited.has('trialEnd')) input('trialEnd').value = valid ? defaultTrialEnd(entry, context.trialMonths) : '';
    if (!edited.has('contractEnd')) input('contractEnd').value = valid ? defaultContractEnd(entry, context.contractMonths) : '';
  });

  const duplicateList = byId('duplicateList');
  const showDuplicates = (): void => {
    const found = /^\d{4}-\d{2}-\d{2}$/.test(input('birthDate').value)
      ? findSamePerson(context.parcours, {
          lastName: input('lastName').value,
          firstName: input('firstName').value,
          birthDate: input('birthDate').value,
        })
      : [];
    clear(duplicateList);
    for (const p of found) duplicateList.appendChild(el('li', { text: `${parcoursLabel(p)} — ${p.status}` }));
    byId('duplicate').hidden = found.length === 0 && byId('duplicate').querySelector('.error:not([hidden])') === null;
  };
  for (const id of ['lastName', 'firstName', 'birthDate']) input(id).addEventListener('change', showDuplicates);

  bindForm({
    form,
    schema: () => admissionSchema(context),
    collect: () => readControls(form) as AdmissionInput,
    submit: (payload) => serverCall('saveAdmission', payload),
    onSuccess: (answer) => {
      // An entry dated after today leaves the person « Candidat » until then: said, so that a direct entry does not look lost.
      const entry = input('entryDate').value;
      const until = answer.status === 'Candidat' && entry > context.today ? ` jusqu'à l'entrée le ${dayFr(entry)}` : '';
      form.reset();
      edited.clear();
      resetDefaults();
      showDuplicates();
      byId('duplicate').hidden = true;
      showSuccess(`Parcours ${answer.id} enregistré (${answer.status}${until}), ligne ${answer.row}.`);
      // The new person counts for the next duplicate check.
      serverCall('getFormContext').then((next) => {
        if (next.ok) context = next.context;
      });
    },
  });
  // A refusal about the duplicate shows the notice even if the local list missed it.
  new MutationObserver(() => {
    if (!byId('duplicate').querySelector('[data-error-for="confirmDuplicate"]')!.hasAttribute('hidden')) {
      byId('duplicate').hidden = false;
    }
  }).observe(byId('duplicate'), { subtree: true, attributes: true, attributeFilter: ['hidden'] });
});
