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
const idFill = byId('idFill');
const createIds = byId<HTMLInputElement>('createIds');
let current: { sheetName: string; target: string; headers: string[]; selects: HTMLSelectElement[] } | null = null;

/** « pour les 3 lignes qui n’en ont pas » / « pour la ligne qui n’en a pas ». */
function idFillLabel(count: number): string {
  return count === 1
    ? 'Créer un ID Parcours (P-AAAA-NNNN) pour la ligne qui n’en a pas'
    : `Créer un ID Parcours (P-AAAA-NNNN) pour les ${count} lignes qui n’en ont pas`;
}

/**
 * The first paragraph in the status line; what follows (the list of every sheet, rule and
 * default the configuration added, often a screenful) folded under « Détail », so that the outcome stays readable.
 */
function show(message: string, kind: 'success' | 'error' | '' = ''): void {
  const [first = '', ...rest] = message.split(/\n\s*\n/);
  status.textContent = first;
  status.className = `status ${kind}`.trim();
  const detail = rest.join('\n\n').trim();
  byId('statusDetailText').textContent = detail;
  byId('statusDetail').hidden = detail === '';
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
    const selects: HTMLSelectElement[] = [];
    // The fields no column receives, as the coordinator's choices stand: they are added at the end.
    const showMissing = (): void => {
      const chosen = new Set(selects.map((s) => s.value));
      const missing = proposal.fields.filter((f) => !chosen.has(f.key)).map((f) => f.header);
      byId('missing').textContent =
        missing.length === 0 ? 'Toutes les colonnes Parcours sont présentes.' : `Colonnes ajoutées en fin de ligne : ${missing.join(', ')}.`;
      // Participants: the rows whose ID cell would be empty, for the column now chosen as the ID
      // (every data row when none is: the ID column is then added empty).
      const empty = proposal.emptyCells;
      const idColumn = selects.findIndex((s) => s.value === 'id');
      const withoutId = empty === null ? 0 : idColumn >= 0 ? (empty.emptyByColumn[idColumn] ?? 0) : empty.dataRows;
      idFill.hidden = withoutId === 0;
      byId('createIdsLabel').textContent = idFillLabel(withoutId);
    };
    for (const column of proposal.columns) {
      const select = el('select', { attrs: { 'aria-label': `Champ pour « ${column.header} »` } });
      fillSelect(select, fieldChoices);
      const proposed = column.field ?? EXTRA;
      select.value = proposed;
      const how = el('td', { className: 'secondary small', text: MATCH_LABELS[column.match] ?? '' });
      select.addEventListener('change', () => {
        how.textContent = select.value === proposed ? (MATCH_LABELS[column.match] ?? '') : 'choisi par vous';
        showMissing();
      });
      body.appendChild(
        el('tr', {}, [
          el('td', { className: 'name', text: column.header || `(colonne ${column.index + 1} sans en-tête)` }),
          el('td', {}, [select]),
          how,
        ]),
      );
      selects.push(select);
    }
    byId('rows').textContent = `${proposal.rows} ligne(s) de données : elles restent à leur place.`;
    createIds.checked = true;
    showMissing();
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
      createIds: !idFill.hidden && createIds.checked,
    });
    show(message, 'success');
    current = null;
  } catch (error) {
    show(failureText(error), 'error');
    adoptButton.disabled = false;
  }
}

// Another sheet or target: the proposal shown no longer applies until it is made again.
for (const select of [sheetSelect, targetSelect]) {
  select.addEventListener('change', () => {
    byId('proposal').hidden = true;
    adoptButton.disabled = true;
    current = null;
  });
}
byId('propose').addEventListener('click', () => void propose());
adoptButton.addEventListener('click', () => void adopt());
byId('close').addEventListener('click', closeHost);
void init();
