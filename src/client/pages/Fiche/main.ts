import { type FicheInput, ficheSchema } from '../../../forms/fiche-schema';
import type { FormContext } from '../../../forms/form-context';
import { byId, dayFr, fillSelect } from '../../dom';
import { bindForm, readControls, showSuccess } from '../../form-controller';
import { parcoursChoices, startPage } from '../../form-page';
import { serverCall } from '../../server-call';

startPage((context: FormContext) => {
  const form = byId<HTMLFormElement>('form');
  const select = byId<HTMLSelectElement>('id');
  fillSelect(select, parcoursChoices(context, () => true), 'Choisissez un participant');
  select.addEventListener('change', () => {
    const p = context.parcours.find((x) => x.id === select.value);
    byId('participantInfo').textContent = !p
      ? ''
      : p.entryDate === null
        ? `Candidat(e) — ${p.status}`
        : `Entré(e) le ${dayFr(p.entryDate)}${p.exitDate ? `, sorti(e) le ${dayFr(p.exitDate)}` : ''} — ${p.status}`;
  });
  bindForm({
    form,
    schema: () => ficheSchema(context),
    collect: () => readControls(form) as FicheInput,
    submit: (payload) => serverCall('generateFiche', String(payload.id ?? '')),
    onSuccess: (answer) => {
      showSuccess(
        `${answer.replaced ? 'Fiche remplacée' : 'Fiche écrite'} dans la feuille « ${answer.sheetName} ». ` +
          'Pour l’imprimer : Fichier › Imprimer, A4 portrait, « Ajuster à la largeur ».',
      );
    },
  });
});
