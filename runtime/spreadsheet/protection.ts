/** Protection of a sheet or a range, over ProtectionModel. The running user is the owner. */
import type { FakeRange } from './fake-range';
import { nextIdAmong, type GridArea, type ProtectionModel, type SheetModel } from './spreadsheet-model';
import type { SpreadsheetSession } from './spreadsheet-session';

export function createProtection(session: SpreadsheetSession, sheet: SheetModel, area: GridArea | null): ProtectionModel {
  const ids = session.model.sheets.flatMap((s) => s.protections.map((p) => p.id));
  const protection: ProtectionModel = {
    id: nextIdAmong(ids),
    type: area ? 'RANGE' : 'SHEET',
    area: area ? { ...area } : null,
    description: '',
    warningOnly: false,
    editors: [session.ctx.userEmail],
    domainEdit: false,
  };
  sheet.protections.push(protection);
  return protection;
}

function emailOf(user: unknown): string {
  if (typeof user === 'string') return user;
  if (user && typeof (user as { getEmail?: unknown }).getEmail === 'function') return String((user as { getEmail(): string }).getEmail());
  return String(user);
}

export class FakeUser {
  constructor(
    private readonly session: SpreadsheetSession,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.session.record('User.getEmail', 'read');
    return this.email;
  }
}

export class FakeProtection {
  constructor(
    private readonly session: SpreadsheetSession,
    private readonly sheet: SheetModel,
    private readonly data: ProtectionModel,
  ) {}

  private rec(method: string, kind: 'read' | 'write'): void {
    this.session.record(`Protection.${method}`, kind, this.sheet);
  }

  private get owner(): string {
    return this.session.ctx.userEmail;
  }

  setDescription(description: string): this {
    this.rec('setDescription', 'write');
    this.data.description = String(description ?? '');
    return this;
  }

  getDescription(): string {
    this.rec('getDescription', 'read');
    return this.data.description;
  }

  setWarningOnly(warningOnly: boolean): this {
    this.rec('setWarningOnly', 'write');
    this.data.warningOnly = warningOnly === true;
    return this;
  }

  isWarningOnly(): boolean {
    this.rec('isWarningOnly', 'read');
    return this.data.warningOnly;
  }

  addEditor(user: unknown): this {
    this.rec('addEditor', 'write');
    this.addEmails([emailOf(user)]);
    return this;
  }

  addEditors(users: unknown[]): this {
    this.rec('addEditors', 'write');
    this.addEmails(users.map(emailOf));
    return this;
  }

  private addEmails(emails: string[]): void {
    for (const email of emails) if (!this.data.editors.includes(email)) this.data.editors.push(email);
  }

  removeEditor(user: unknown): this {
    this.rec('removeEditor', 'write');
    this.removeEmails([emailOf(user)]);
    return this;
  }

  removeEditors(users: unknown[]): this {
    this.rec('removeEditors', 'write');
    this.removeEmails(users.map(emailOf));
    return this;
  }

  /** The owner can never be removed from the editors (Google ignores it silently). */
  private removeEmails(emails: string[]): void {
    this.data.editors = this.data.editors.filter((e) => e === this.owner || !emails.includes(e));
  }

  getEditors(): FakeUser[] {
    this.rec('getEditors', 'read');
    return this.session.realmArray(this.data.editors.map((e) => new FakeUser(this.session, e)));
  }

  canDomainEdit(): boolean {
    this.rec('canDomainEdit', 'read');
    return this.data.domainEdit;
  }

  setDomainEdit(editable: boolean): this {
    this.rec('setDomainEdit', 'write');
    this.data.domainEdit = editable === true;
    return this;
  }

  canEdit(): boolean {
    this.rec('canEdit', 'read');
    return this.data.editors.includes(this.owner);
  }

  getProtectionType(): string {
    this.rec('getProtectionType', 'read');
    return this.data.type;
  }

  getRange(): FakeRange {
    this.rec('getRange', 'read');
    const area = this.data.area ?? { row: 1, column: 1, numRows: this.sheet.maxRows, numColumns: this.sheet.maxColumns };
    return this.session.range(this.sheet, area);
  }

  remove(): void {
    this.rec('remove', 'write');
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this.data);
  }
}
