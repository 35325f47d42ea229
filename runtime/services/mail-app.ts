import { AppsScriptException } from '../runtime-context';
import { type ExecutionState, recordCall, requireAuthMode, signatureMismatch } from './execution';

export interface SentMail {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  name: string | null;
  replyTo: string | null;
  noReply: boolean;
}

/** The mails a runtime "sent", for tests; the daily quota counts recipients, like Google. */
export class Outbox {
  readonly sent: SentMail[] = [];
  remainingDailyQuota: number;

  constructor(dailyQuota = 100) {
    this.remainingDailyQuota = dailyQuota;
  }

  last(): SentMail | undefined {
    return this.sent[this.sent.length - 1];
  }
}

export interface FakeMailApp {
  sendEmail(...args: unknown[]): void;
  getRemainingDailyQuota(): number;
}

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
const MAX_SUBJECT_LENGTH = 250;

function addresses(value: unknown, field: string): string[] {
  if (value === undefined || value === null || value === '') return [];
  if (typeof value !== 'string') throw new AppsScriptException(`Invalid argument: ${field}`);
  const list = value
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  for (const address of list) if (!EMAIL.test(address)) throw new AppsScriptException(`Invalid email: ${address}`);
  return list;
}

function optionalString(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new AppsScriptException(`Invalid argument: ${field}`);
  return value;
}

function messageOf(args: unknown[]): SentMail {
  const [first, subject, body, options] = args;
  let fields: Record<string, unknown>;
  if (args.length === 1 && first !== null && typeof first === 'object') {
    fields = first as Record<string, unknown>;
  } else if ((args.length === 3 || args.length === 4) && typeof subject === 'string' && typeof body === 'string') {
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw signatureMismatch('MailApp.sendEmail', args);
    }
    fields = { ...(options as Record<string, unknown> | undefined), to: first, subject, body };
  } else {
    throw signatureMismatch('MailApp.sendEmail', args);
  }
  const to = addresses(fields['to'], 'to');
  const cc = addresses(fields['cc'], 'cc');
  const bcc = addresses(fields['bcc'], 'bcc');
  if (to.length + cc.length + bcc.length === 0) throw new AppsScriptException('Failed to send email: no recipient');
  const mailSubject = optionalString(fields['subject'], 'subject') ?? '';
  if (mailSubject.length > MAX_SUBJECT_LENGTH) throw new AppsScriptException('Argument too large: subject');
  const htmlBody = optionalString(fields['htmlBody'], 'htmlBody');
  const mailBody = optionalString(fields['body'], 'body');
  if (mailBody === null && htmlBody === null) throw new AppsScriptException('Invalid argument: body');
  return {
    to,
    cc,
    bcc,
    subject: mailSubject,
    body: mailBody ?? '',
    htmlBody,
    name: optionalString(fields['name'], 'name'),
    replyTo: fields['replyTo'] === undefined ? null : (addresses(fields['replyTo'], 'replyTo')[0] ?? null),
    noReply: fields['noReply'] === true,
  };
}

export function createMailApp(execution: ExecutionState, outbox: Outbox): FakeMailApp {
  const { ctx } = execution;
  return {
    sendEmail(...args) {
      recordCall(ctx, 'MailApp.sendEmail', 'write');
      requireAuthMode(execution, 'MailApp.sendEmail', 'FULL');
      const mail = messageOf(args);
      const recipients = mail.to.length + mail.cc.length + mail.bcc.length;
      if (recipients > outbox.remainingDailyQuota) {
        throw new AppsScriptException('Service invoked too many times for one day: email.');
      }
      outbox.remainingDailyQuota -= recipients;
      outbox.sent.push(mail);
    },
    getRemainingDailyQuota() {
      recordCall(ctx, 'MailApp.getRemainingDailyQuota', 'read');
      return outbox.remainingDailyQuota;
    },
  };
}
