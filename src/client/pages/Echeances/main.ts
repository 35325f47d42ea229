import { byId, clear, dayFr, el } from '../../dom';
import type { Deadline } from '../../../followup/deadlines';
import { failureText, followupCall } from './followup-call';

/** The « Échéances » sidebar: what to do and by when, late lines first. */
const list = byId('list');
const status = byId('status');

function show(message: string, kind: 'success' | 'error' | '' = ''): void {
  status.textContent = message;
  status.className = `status ${kind}`.trim();
}

function line(d: Deadline): HTMLElement {
  const when = d.due === null ? 'sans date' : `${d.overdue ? 'en retard — ' : ''}${dayFr(d.due)}`;
  return el('div', { className: 'objective' }, [
    el('div', { className: d.overdue ? 'error' : 'secondary small', text: `${d.kind} · ${when}` }),
    el('div', { text: `${d.id} — ${d.person}`, className: 'name' }),
    el('div', { text: d.action }),
  ]);
}

async function load(): Promise<void> {
  byId('page').setAttribute('aria-busy', 'true');
  try {
    const result = await followupCall('getDeadlines');
    byId('asOf').textContent = `Au ${dayFr(result.today)} : ${result.deadlines.length} échéance(s).`;
    clear(list);
    if (result.deadlines.length === 0) list.appendChild(el('p', { text: 'Aucune échéance dans les prochains jours.' }));
    for (const d of result.deadlines) list.appendChild(line(d));
    byId('digest').textContent = result.digest
      ? `Le courriel quotidien des échéances est activé pour ce classeur par ${result.digest.by}, depuis le ${dayFr(result.digest.since)} ; tout coordinateur peut le désactiver (menu Parcours).`
      : 'Courriel quotidien désactivé (menu Parcours › Activer le courriel quotidien des échéances).';
    show('');
  } catch (error) {
    show(failureText(error), 'error');
  } finally {
    byId('page').setAttribute('aria-busy', 'false');
  }
}

byId('refresh').addEventListener('click', () => void load());
byId('writeSheet').addEventListener('click', async () => {
  const button = byId<HTMLButtonElement>('writeSheet');
  button.disabled = true;
  try {
    const { count, sheetName } = await followupCall('writeDeadlines');
    show(`${count} échéance(s) écrite(s) dans la feuille « ${sheetName} ».`, 'success');
  } catch (error) {
    show(failureText(error), 'error');
  } finally {
    button.disabled = false;
  }
});
void load();
