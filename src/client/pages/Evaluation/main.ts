import { DOMAINS, EVALUATION_TYPES, LEVELS } from '../../../domain/records';
import { type EvaluationInput, evaluationSchema, type ObjectiveProgress } from '../../../forms/evaluation-schema';
import type { FieldErrors } from '../../../forms/form-answer';
import type { FormContext } from '../../../forms/form-context';
import { byId, clear, dayFr, el, fillSelect, same } from '../../dom';
import { bindForm, readControls, showSuccess } from '../../form-controller';
import { parcoursChoices, startPage } from '../../form-page';
import { serverCall } from '../../server-call';

/**
 * One objective line of the sidebar: from the catalogue (domain known, or to choose when `Listes`
 * gives none) or typed by the evaluator (`free`). Its controls are named `objectives.<line>.<field>`;
 * the payload only holds the lines assessed, so the schema's `items.<k>.<field>` messages are
 * mapped back to the line they came from.
 */
interface ObjectiveLine {
  progress: ObjectiveProgress;
  free: boolean;
}

const FIELDS = ['domain', 'objective', 'level', 'comment'] as const;

startPage((context: FormContext) => {
  const form = byId<HTMLFormElement>('form');
  const select = byId<HTMLSelectElement>('id');
  const list = byId('objectives');
  const freeList = byId('freeObjectives');
  fillSelect(select, parcoursChoices(context, (p) => p.entryDate !== null), 'Choisissez un participant');
  fillSelect(byId('type'), same(EVALUATION_TYPES), '—');
  byId<HTMLInputElement>('date').value = context.today;
  let lines: ObjectiveLine[] = [];
  /** Payload index → line index, from the last collect. */
  let itemLines: number[] = [];

  const control = <T extends HTMLElement>(i: number, field: string): T | null =>
    form.querySelector<T>(`[name="objectives.${i}.${field}"]`);
  const errorSlot = (i: number, field: string) =>
    el('div', { className: 'error', attrs: { 'data-error-for': `objectives.${i}.${field}`, hidden: '' } });

  /** The comment of a line is offered once a level is chosen (one comment per objective row). */
  const commentGroup = (i: number, label: string): HTMLElement => {
    const input = el('input', { attrs: { type: 'text', id: `comment-${i}`, name: `objectives.${i}.comment`, autocomplete: 'off' } });
    const group = el('div', { className: 'comment', attrs: { id: `commentGroup-${i}`, hidden: '' } }, [
      el('label', { className: 'sub', text: 'Commentaire', attrs: { for: `comment-${i}`, title: `Commentaire : ${label}` } }),
      input,
      errorSlot(i, 'comment'),
    ]);
    return group;
  };
  const levelSelect = (i: number): HTMLSelectElement => {
    const level = el('select', { attrs: { id: `level-${i}`, name: `objectives.${i}.level` } });
    fillSelect(level, same(LEVELS), 'Non évalué');
    level.addEventListener('change', () => {
      const group = byId(`commentGroup-${i}`);
      group.hidden = level.value === '' && (control<HTMLInputElement>(i, 'comment')?.value ?? '') === '';
    });
    return level;
  };
  const domainSelect = (i: number, label: string): HTMLSelectElement => {
    const domain = el('select', { attrs: { id: `domain-${i}`, name: `objectives.${i}.domain`, 'aria-label': `Domaine : ${label}` } });
    fillSelect(domain, same(DOMAINS), 'Domaine…');
    return domain;
  };

  const catalogueLine = (line: ObjectiveLine, i: number): HTMLElement => {
    const o = line.progress;
    const last = o.lastLevel ? `Dernier niveau : ${o.lastLevel} (${dayFr(o.lastDate)})` : 'Jamais évalué';
    const controls: Node[] = [
      el('label', { text: o.objective, attrs: { for: `level-${i}` } }),
      el('div', { className: 'last', text: last }),
    ];
    if (o.domain === null) {
      controls.push(
        el('div', { className: 'pair' }, [domainSelect(i, o.objective), levelSelect(i)]),
        errorSlot(i, 'domain'),
      );
    } else {
      controls.push(levelSelect(i));
    }
    controls.push(errorSlot(i, 'objective'), errorSlot(i, 'level'), commentGroup(i, o.objective));
    return el('div', { className: 'objective' }, controls);
  };

  const freeLine = (i: number): HTMLElement => {
    const text = el('input', { attrs: { type: 'text', id: `objective-${i}`, name: `objectives.${i}.objective`, autocomplete: 'off' } });
    const level = levelSelect(i);
    level.setAttribute('aria-label', 'Niveau de cet objectif');
    const line = el('div', { className: 'objective' }, [
      el('label', { text: 'Objectif hors catalogue', attrs: { for: `objective-${i}` } }),
      text,
      errorSlot(i, 'objective'),
      el('div', { className: 'pair' }, [domainSelect(i, 'objectif hors catalogue'), level]),
      errorSlot(i, 'domain'),
      errorSlot(i, 'level'),
      commentGroup(i, 'objectif hors catalogue'),
    ]);
    return line;
  };

  const render = (): void => {
    clear(list);
    clear(freeList);
    let group: string | null | undefined;
    lines.forEach((line, i) => {
      if (line.free) {
        freeList.appendChild(freeLine(i));
        return;
      }
      if (line.progress.domain !== group) {
        group = line.progress.domain;
        list.appendChild(el('h2', { text: group ?? 'Autres objectifs' }));
        if (group === null) {
          list.appendChild(el('p', { className: 'hint', text: 'Objectifs du catalogue sans domaine : choisissez le domaine.' }));
        }
      }
      list.appendChild(catalogueLine(line, i));
    });
    byId('freeGroup').hidden = select.value === '';
  };

  select.addEventListener('change', () => {
    // An exited participant can still be assessed (exit review), dated no later than the exit: said before the date is refused.
    const p = context.parcours.find((x) => x.id === select.value);
    byId('participantInfo').textContent = !p?.entryDate
      ? ''
      : p.exitDate
        ? `Entré(e) le ${dayFr(p.entryDate)}, sorti(e) le ${dayFr(p.exitDate)} : évaluation datée au plus tard ce jour-là.`
        : `Entré(e) le ${dayFr(p.entryDate)} — ${p.status}`;
    lines = [];
    render();
    if (select.value === '') return;
    const wanted = select.value;
    serverCall('getObjectiveProgress', wanted).then((answer) => {
      if (!answer.ok || select.value !== wanted) return;
      lines = answer.objectives.map((progress) => ({ progress, free: false }));
      render();
    });
  });
  byId('addObjective').addEventListener('click', () => {
    // Keep what is typed: lines are only appended, existing controls stay in place.
    const i = lines.length;
    lines.push({ progress: { domain: null, objective: '', lastLevel: null, lastDate: null }, free: true });
    freeList.appendChild(freeLine(i));
    byId<HTMLInputElement>(`objective-${i}`).focus();
  });

  const lineValue = (i: number, field: string): string =>
    control<HTMLInputElement | HTMLSelectElement>(i, field)?.value ?? '';

  const collect = (): EvaluationInput => {
    const base = readControls(form) as Record<string, string>;
    itemLines = [];
    const items = lines.flatMap((line, i) => {
      const level = lineValue(i, 'level');
      const objective = line.free ? lineValue(i, 'objective') : line.progress.objective;
      const domain = line.progress.domain ?? lineValue(i, 'domain');
      const comment = lineValue(i, 'comment');
      // A catalogue line counts once a level is chosen; a typed line as soon as anything is filled in.
      const assessed = level !== '' || (line.free && (objective.trim() !== '' || domain !== '' || comment.trim() !== ''));
      if (!assessed) return [];
      itemLines.push(i);
      return [{ domain, objective, level, comment }];
    });
    return { id: base['id'] ?? '', date: base['date'] ?? '', type: base['type'], evaluator: base['evaluator'], items };
  };

  /** `items.<k>.<field>` (payload) → `objectives.<line>.<field>` (controls). */
  const toLines = (errors: FieldErrors): FieldErrors => {
    const mapped: FieldErrors = {};
    for (const [key, message] of Object.entries(errors)) {
      const m = /^items\.(\d+)\.(\w+)$/.exec(key);
      const line = m ? itemLines[Number(m[1])] : undefined;
      if (m && line !== undefined && (FIELDS as readonly string[]).includes(m[2]!)) mapped[`objectives.${line}.${m[2]}`] = message;
      else mapped[key] = message;
    }
    return mapped;
  };

  bindForm({
    form,
    schema: () => evaluationSchema(context),
    collect,
    errorKeys: toLines,
    submit: (payload) => serverCall('saveEvaluation', payload),
    onSuccess: (answer) => {
      showSuccess(`Évaluation enregistrée : ${answer.added} objectif(s).`);
      select.dispatchEvent(new Event('change'));
    },
  });
});
