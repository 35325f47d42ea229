import { supportWindow } from '../../../domain/codecs/support';
import { BARRIER_STATES, SUPPORT_ACTIONS } from '../../../domain/records';
import type { FormContext } from '../../../forms/form-context';
import { type BarrierStatus, type RecentAction, type SupportInput, supportSchema } from '../../../forms/support-schema';
import { byId, clear, dayFr, el, fillSelect, same } from '../../dom';
import { bindForm, readControls, showSuccess } from '../../form-controller';
import { parcoursChoices, startPage } from '../../form-page';
import { serverCall } from '../../server-call';

/** « 3,5 h » as people read hours. */
function hoursFr(hours: number | null): string {
  return hours === null ? '' : ` — ${String(hours).replace('.', ',')} h`;
}

function actionLine(a: RecentAction): string {
  const barrier = a.barrier === null ? '' : ` — ${a.barrier} : ${a.barrierState}`;
  const partner = a.partner === null ? '' : ` — ${a.partner}`;
  return `${dayFr(a.date)} · ${a.action}${hoursFr(a.hours)}${partner}${barrier}`;
}

startPage((context: FormContext) => {
  const form = byId<HTMLFormElement>('form');
  const select = byId<HTMLSelectElement>('id');
  // Participants whose parcours has begun (a commission or an entry), exited ones included: an exit review is support too.
  const fillParticipants = () =>
    fillSelect(select, parcoursChoices(context, (p) => supportWindow(p, context.today) !== null), 'Choisissez un participant');
  fillParticipants();
  fillSelect(byId('action'), same(SUPPORT_ACTIONS), 'Choisissez le type d’action');
  fillSelect(byId('barrier'), same(context.barriers), 'Aucun');
  fillSelect(byId('barrierState'), same(BARRIER_STATES), '—');
  const partners = byId('partners');
  for (const partner of context.partners) partners.appendChild(el('option', { attrs: { value: partner } }));
  byId<HTMLInputElement>('date').value = context.today;

  const showHistory = (barriers: BarrierStatus[], actions: RecentAction[]): void => {
    const barrierList = byId('barrierList');
    const actionList = byId('actionList');
    clear(barrierList);
    clear(actionList);
    for (const b of barriers) {
      barrierList.appendChild(el('li', { text: `${b.barrier} : ${b.state} (${dayFr(b.date)})` }));
    }
    if (barriers.length === 0) barrierList.appendChild(el('li', { className: 'secondary', text: 'Aucun frein enregistré.' }));
    for (const a of actions) actionList.appendChild(el('li', { text: actionLine(a) }));
    if (actions.length === 0) actionList.appendChild(el('li', { className: 'secondary', text: 'Aucune action enregistrée.' }));
    byId('history').hidden = false;
  };
  /** Reads the chosen participant's barriers and actions (the only sheet this page reads besides the context). */
  const loadHistory = (): void => {
    const wanted = select.value;
    byId('history').hidden = true;
    if (wanted === '') return;
    serverCall('getSupportOverview', wanted).then((answer) => {
      if (answer.ok && select.value === wanted) showHistory(answer.barriers, answer.actions);
    });
  };
  select.addEventListener('change', () => {
    const p = context.parcours.find((x) => x.id === select.value);
    const window = p ? supportWindow(p, context.today) : null;
    byId('participantInfo').textContent =
      !p || !window ? '' : `Parcours du ${dayFr(window.start)} au ${p.exitDate ? dayFr(p.exitDate) : 'aujourd’hui'} — ${p.status}`;
    loadHistory();
  });

  bindForm({
    form,
    schema: () => supportSchema(context),
    collect: () => readControls(form) as SupportInput,
    submit: (payload) => serverCall('saveSupport', payload),
    onSuccess: (answer) => {
      const id = answer.id;
      // Keep the participant and the date: several actions of one day are often recorded in a row.
      for (const name of ['action', 'hours', 'partner', 'barrier', 'barrierState', 'comment']) {
        (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value = '';
      }
      showSuccess(`Action enregistrée pour ${id} (ligne ${answer.row} de la feuille Accompagnement).`);
      loadHistory();
    },
  });
});
