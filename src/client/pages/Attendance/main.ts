import { PRESENCE_STATUSES } from '../../../domain/records';
import { type AttendanceInput, type AttendanceSheetRow, attendanceSchema, countsHours } from '../../../forms/attendance-schema';
import { type FormContext, parcoursLabel } from '../../../forms/form-context';
import { byId, clear, dayFr, el, fillSelect, same } from '../../dom';
import { bindForm, showSuccess } from '../../form-controller';
import { inParcoursOn, parcoursChoices, startPage } from '../../form-page';
import { serverCall } from '../../server-call';

/** `NOM Prénom (ID)` with the ID kept on one line (a narrow column would break it at its hyphens). */
function nameAndId(label: string, id: string): Node[] {
  const suffix = ` (${id})`;
  if (!label.endsWith(suffix)) return [el('span', { text: label })];
  return [el('span', { text: `${label.slice(0, -suffix.length)} ` }), el('span', { className: 'nowrap', text: `(${id})` })];
}

startPage((context: FormContext) => {
  const form = byId<HTMLFormElement>('form');
  const workshop = byId<HTMLSelectElement>('workshop');
  const date = byId<HTMLInputElement>('date');
  const tbody = byId('rows');
  const add = byId<HTMLSelectElement>('addParticipant');
  fillSelect(workshop, same(context.workshops.filter((w) => w.active).map((w) => w.name)), 'Choisissez un atelier');
  date.value = context.today;
  /** The rows shown, each with what its controls hold (kept when the table is drawn again). */
  let rows: { row: AttendanceSheetRow; status: string; hours: string; comment: string }[] = [];
  let loaded: { workshop: string; date: string } | null = null;
  const draft = (row: AttendanceSheetRow) => ({
    row,
    status: row.status || 'Présent',
    hours: row.hours === null ? '' : String(row.hours).replace('.', ','),
    comment: row.comment ?? '',
  });

  const sessionHours = (): number | null => context.workshops.find((w) => w.name === workshop.value)?.sessionHours ?? null;
  const errorSlot = (key: string) => el('div', { className: 'error', attrs: { 'data-error-for': key, hidden: '' } });

  const render = (): void => {
    clear(tbody);
    rows.forEach((r, i) => {
      const label = r.row.label;
      const status = el('select', { attrs: { name: `rows.${i}.status`, 'aria-label': `Présence de ${label}` } });
      fillSelect(status, same(PRESENCE_STATUSES));
      status.value = r.status;
      const hours = el('input', {
        attrs: { type: 'text', inputmode: 'decimal', name: `rows.${i}.hours`, 'aria-label': `Heures de ${label}` },
      });
      hours.value = r.hours;
      // The session's hours show as a hint only where they will be counted (not for an absence).
      const hint = sessionHours();
      const showHint = (): void => {
        hours.placeholder = hint === null || !countsHours(r.status) ? '' : String(hint).replace('.', ',');
      };
      showHint();
      status.addEventListener('change', () => {
        r.status = status.value;
        if (!countsHours(status.value)) hours.value = '';
        r.hours = hours.value;
        showHint();
      });
      hours.addEventListener('input', () => {
        r.hours = hours.value;
      });
      // Commentaire (SPEC §1.3): one line under the participant, opened on demand or when already written.
      const comment = el('input', {
        attrs: { type: 'text', id: `comment-${i}`, name: `rows.${i}.comment`, autocomplete: 'off', 'aria-label': `Commentaire pour ${label}` },
      });
      comment.value = r.comment;
      comment.addEventListener('input', () => {
        r.comment = comment.value;
      });
      const commentRow = el('tr', { className: 'comment-row', attrs: { id: `commentRow-${i}` } }, [
        el('td', { attrs: { colspan: '3' } }, [comment, errorSlot(`rows.${i}.comment`)]),
      ]);
      commentRow.hidden = r.comment === '';
      const toggle = el('button', {
        className: 'link small',
        text: 'Commentaire',
        attrs: { type: 'button', 'aria-controls': `commentRow-${i}`, 'aria-expanded': String(!commentRow.hidden) },
      });
      toggle.addEventListener('click', () => {
        commentRow.hidden = false;
        toggle.setAttribute('aria-expanded', 'true');
        comment.focus();
      });
      const name = el('td', { className: 'name' }, [
        ...nameAndId(label, r.row.id),
        ...(r.row.savedRow ? [el('div', { className: 'hint', text: `déjà saisi (ligne ${r.row.savedRow})` })] : []),
        el('div', {}, [toggle]),
        errorSlot(`rows.${i}.id`),
      ]);
      tbody.appendChild(
        el('tr', { attrs: { 'data-id': r.row.id } }, [
          name,
          el('td', {}, [status, errorSlot(`rows.${i}.status`)]),
          el('td', {}, [hours, errorSlot(`rows.${i}.hours`)]),
        ]),
      );
      tbody.appendChild(commentRow);
    });
    byId('rowsTable').hidden = rows.length === 0;
    byId('addGroup').hidden = loaded === null;
    const listed = new Set(rows.map((r) => r.row.id));
    fillSelect(add, parcoursChoices(context, (p) => !listed.has(p.id) && inParcoursOn(p, date.value)), 'Choisissez…');
  };

  const load = (): void => {
    loaded = null;
    rows = [];
    byId('sessionInfo').textContent = '';
    render();
    if (workshop.value === '' || !/^\d{4}-\d{2}-\d{2}$/.test(date.value)) return;
    const wanted = { workshop: workshop.value, date: date.value };
    serverCall('getAttendanceSession', wanted.workshop, wanted.date).then((answer) => {
      if (!answer.ok || workshop.value !== wanted.workshop || date.value !== wanted.date) return;
      loaded = wanted;
      // In the order of a roll call: by name, as the other lists of participants.
      rows = answer.rows.map(draft).sort((a, b) => a.row.label.localeCompare(b.row.label, 'fr'));
      const saved = answer.rows.filter((r) => r.savedRow !== null).length;
      byId('sessionInfo').textContent =
        saved > 0
          ? `Séance du ${dayFr(wanted.date)} déjà saisie : ${saved} ligne(s), modifiées sur place.`
          : `Nouvelle séance du ${dayFr(wanted.date)} : ${rows.length} participant(s) de l'atelier.`;
      render();
    });
  };
  workshop.addEventListener('change', load);
  date.addEventListener('change', load);
  byId('addButton').addEventListener('click', () => {
    const p = context.parcours.find((x) => x.id === add.value);
    if (!p) return;
    rows.push(draft({ id: p.id, label: parcoursLabel(p), status: 'Présent', hours: null, comment: null, savedRow: null }));
    render();
  });

  const collect = (): AttendanceInput => ({
    workshop: workshop.value,
    date: date.value,
    rows: rows.map((r) => ({ id: r.row.id, status: r.status, hours: r.hours, comment: r.comment })),
  });

  bindForm({
    form,
    schema: () => attendanceSchema(context),
    collect,
    submit: (payload) => serverCall('saveAttendance', payload),
    onSuccess: (answer) => {
      showSuccess(`Présences enregistrées : ${answer.added} ajoutée(s), ${answer.updated} modifiée(s).`);
      load();
    },
  });
});
