import { byId, clear, el, fillSelect, same } from '../../dom';
import { closeHost, failureText, followupCall } from '../Echeances/followup-call';

/** « Adopter un classeur existant… »: propose, let the coordinator correct, then adopt. */
const MATCH_LABELS: Record<string, string> = {
  exact: 'même nom',
  synonym: 'synonyme',
  close: 'orthographe proche',
  none: '—',
};
const EXTRA = '';

const sheetSelect = byId<HTMLSelectElement>('sheet');
const targetSelect = byId<HTMLSelectElement>('target');
const status = byId('status');
const adoptButton = byId<HTMLButtonElement>('adopt');
let current: { sheetName: string; target: string; headers: string[]; selects: HTMLSelectElement[] } | null = null;

function show(message: string, kind: 'success' | 'error' | '' = ''): void {
  status.textContent = message;
  status.className = `status ${kind}`.trim();
}

async function init(): Promise<void> {
  try {
    const choices = await followupCall('getAdoptionChoices');
    fillSelect(sheetSelect, same(choices.sheets.map((s) => s.name)));
    fillSelect(targetSelect, same(choices.targets));
    const suggest = (): void => {
      const chosen = choices.sheets.find((s) => s.name === sheetSelect.value);
      if (chosen?.suggested) targetSelect.value = chosen.suggested;
    };
    sheetSelect.addEventListener('change', suggest);
    suggest();
  } catch (error) {
    show(failureText(error), 'error');
  } finally {
    byId('page').setAttribute('aria-busy', 'false');
  }
}

async function propose(): Promise<void> {
  show('');
  adoptButton.disabled = true;
  try {
    const proposal = await followupCall('getAdoptionProposal', sheetSelect.value, targetSelect.value);
    const body = byId('columns');
    clear(body);
    const fieldChoices = [{ value: EXTRA, label: '— colonne supplémentaire —' }, ...proposal.fields.map((f) => ({ value: f.key, label: f.header }))];
    const selects = proposal.columns.map((column) => {
      const select = el('select', { attrs: { 'aria-label': `Champ pour « ${column.header} »` } });
      fillSelect(select, fieldChoices);
      select.value = column.field ?? EXTRA;
      body.appendChild(
        el('tr', {}, [
          el('td', { className: 'name', text: column.header || `(colonne ${column.index + 1} sans en-tête)` }),
          el('td', {}, [select]),
          el('td', { className: 'secondary small', text: MATCH_LABELS[column.match] ?? '' }),
        ]),
      );
      return select;
    });
    byId('rows').textContent = `${proposal.rows} ligne(s) de données : elles restent à leur place.`;
    byId('missing').textContent =
      proposal.missing.length === 0 ? 'Toutes les colonnes Parcours sont présentes.' : `Colonnes ajoutées en fin de ligne : ${proposal.missing.join(', ')}.`;
    byId('proposal').hidden = false;
    current = { sheetName: proposal.sheetName, target: proposal.target, headers: proposal.columns.map((c) => c.header), selects };
    adoptButton.disabled = false;
  } catch (error) {
    show(failureText(error), 'error');
  }
}

async function adopt(): Promise<void> {
  if (!current) return;
  adoptButton.disabled = true;
  try {
    const { message } = await followupCall('applyAdoption', {
      sheetName: current.sheetName,
      target: current.target,
      headers: current.headers,
      choice: current.selects.map((s) => (s.value === EXTRA ? null : s.value)),
    });
    show(message, 'success');
    current = null;
  } catch (error) {
    show(failureText(error), 'error');
    adoptButton.disabled = false;
  }
}

byId('propose').addEventListener('click', () => void propose());
adoptButton.addEventListener('click', () => void adopt());
byId('close').addEventListener('click', closeHost);
void init();
