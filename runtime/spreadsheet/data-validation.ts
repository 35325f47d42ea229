/** DataValidationBuilder and DataValidation over DataValidationModel. */
import { AppsScriptException } from '../runtime-context';
import { formatA1, quoteSheetName } from './a1-notation';
import { FakeRange } from './fake-range';
import type { DataValidationModel, DataValidationRule } from './spreadsheet-model';
import type { SpreadsheetSession } from './spreadsheet-session';

function numberArgument(value: unknown, method: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new AppsScriptException(`The parameters (${typeof value}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.${method}.`);
  }
  return value;
}

export class FakeDataValidationBuilder {
  private rule: DataValidationRule | null;
  private allowInvalid: boolean;
  private helpText: string | null;

  constructor(
    private readonly session: SpreadsheetSession,
    from: DataValidationModel | null = null,
  ) {
    this.rule = from ? structuredClone(from.rule) : null;
    this.allowInvalid = from ? from.allowInvalid : true;
    this.helpText = from ? from.helpText : null;
  }

  private rec(method: string): void {
    this.session.record(`DataValidationBuilder.${method}`, 'other');
  }

  requireValueInList(values: unknown, showDropdown = true): this {
    this.rec('requireValueInList');
    if (!Array.isArray(values)) {
      throw new AppsScriptException(`The parameters (${typeof values}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInList.`);
    }
    this.rule = { criteria: 'VALUE_IN_LIST', values: values.map((v) => String(v)), showDropdown: showDropdown !== false };
    return this;
  }

  requireValueInRange(range: unknown, showDropdown = true): this {
    this.rec('requireValueInRange');
    if (!(range instanceof FakeRange)) {
      throw new AppsScriptException(`The parameters (${typeof range}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInRange.`);
    }
    const { sheet, area } = range.location();
    const rangeA1 = `${quoteSheetName(sheet.name)}!${formatA1(area.row, area.column, area.numRows, area.numColumns)}`;
    this.rule = { criteria: 'VALUE_IN_RANGE', rangeA1, showDropdown: showDropdown !== false };
    return this;
  }

  requireDate(): this {
    this.rec('requireDate');
    this.rule = { criteria: 'DATE_IS_VALID_DATE' };
    return this;
  }

  requireNumberBetween(start: number, end: number): this {
    this.rec('requireNumberBetween');
    this.rule = {
      criteria: 'NUMBER_BETWEEN',
      min: numberArgument(start, 'requireNumberBetween'),
      max: numberArgument(end, 'requireNumberBetween'),
    };
    return this;
  }

  requireNumberGreaterThanOrEqualTo(number: number): this {
    this.rec('requireNumberGreaterThanOrEqualTo');
    this.rule = { criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', min: numberArgument(number, 'requireNumberGreaterThanOrEqualTo') };
    return this;
  }

  requireCheckbox(): this {
    this.rec('requireCheckbox');
    this.rule = { criteria: 'CHECKBOX' };
    return this;
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this.rec('setAllowInvalid');
    this.allowInvalid = allowInvalidData === true;
    return this;
  }

  setHelpText(helpText: string): this {
    this.rec('setHelpText');
    this.helpText = helpText === null || helpText === undefined ? null : String(helpText);
    return this;
  }

  getCriteriaType(): string | null {
    this.rec('getCriteriaType');
    return this.rule?.criteria ?? null;
  }

  getCriteriaValues(): unknown[] {
    this.rec('getCriteriaValues');
    return this.rule ? criteriaValues(this.session, this.rule) : this.session.realmArray([]);
  }

  getAllowInvalid(): boolean {
    this.rec('getAllowInvalid');
    return this.allowInvalid;
  }

  getHelpText(): string | null {
    this.rec('getHelpText');
    return this.helpText;
  }

  build(): FakeDataValidation {
    this.rec('build');
    if (!this.rule) throw new AppsScriptException('You must specify a criteria type for the data validation rule.');
    return new FakeDataValidation(this.session, {
      rule: structuredClone(this.rule),
      allowInvalid: this.allowInvalid,
      helpText: this.helpText,
    });
  }
}

/** The criteria values as Google returns them (a list validation gives [values, showDropdown]). */
function criteriaValues(session: SpreadsheetSession, rule: DataValidationRule): unknown[] {
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return session.realmArray<unknown>([session.realmArray(rule.values), rule.showDropdown]);
    case 'VALUE_IN_RANGE':
      return session.realmArray<unknown>([session.rangeOfReference(rule.rangeA1, null), rule.showDropdown]);
    case 'NUMBER_BETWEEN':
      return session.realmArray<unknown>([rule.min, rule.max]);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return session.realmArray<unknown>([rule.min]);
    default:
      return session.realmArray<unknown>([]);
  }
}

export class FakeDataValidation {
  constructor(
    private readonly session: SpreadsheetSession,
    /** Never mutated: cells store their own copies. */
    readonly data: DataValidationModel,
  ) {}

  private rec(method: string): void {
    this.session.record(`DataValidation.${method}`, 'read');
  }

  getCriteriaType(): string {
    this.rec('getCriteriaType');
    return this.data.rule.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.rec('getCriteriaValues');
    return criteriaValues(this.session, this.data.rule);
  }

  getAllowInvalid(): boolean {
    this.rec('getAllowInvalid');
    return this.data.allowInvalid;
  }

  getHelpText(): string | null {
    this.rec('getHelpText');
    return this.data.helpText;
  }

  copy(): FakeDataValidationBuilder {
    this.session.record('DataValidation.copy', 'other');
    return new FakeDataValidationBuilder(this.session, this.data);
  }
}
