import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../shared/domain/audit';
import { formatDay } from '../inspections/day';

const text = (value: unknown) => (value === null || value === undefined ? '—' : String(value));

/**
 * An entry as one sentence with the person first ("Nguyễn Thị Lan thu hồi mã lần 1 — lý do:
 * bị mất"): codes, reasons and kinds translated, a round by its name. Null for an action that
 * is a list of changed fields (create, update, …): the history lists those fields instead.
 */
export function auditSentence(t: TFunction, entry: AuditEntry): string | null {
  const who = entry.staffName ?? t('audit.unknownStaff');
  const after = entry.after ?? {};
  const before = entry.before ?? {};
  switch (entry.action) {
    case 'code_issued':
      return t('audit.sentence.code_issued', { who, revision: text(after.revision), source: t(`audit.codeSource.${text(after.source)}`, { defaultValue: text(after.source) }) });
    case 'code_revoked': {
      const reason = t(`audit.revokeReason.${text(after.reason)}`, { defaultValue: text(after.reason) });
      // Revoking a venue that had no code yet issues its first one: there was no revision to name.
      if (before.revision === null || before.revision === undefined) return t('audit.sentence.code_revoked_unissued', { who, reason });
      return t('audit.sentence.code_revoked', { who, revision: text(before.revision), reason });
    }
    case 'trust_key':
      return t('audit.sentence.trust_key', { who, keyId: text(after.keyId), office: text(after.officeName) });
    case 'round_created':
      return t('audit.sentence.round_created', { who, name: text(after.name), venues: text(after.venues) });
    case 'round_closed':
      return t('audit.sentence.round_closed', { who, unvisited: text(after.unvisited) });
    case 'scans_imported':
      return t('audit.sentence.scans_imported', { who, file: text(after.fileName), from: formatDay(text(after.firstDay)), to: formatDay(text(after.lastDay)), written: text(after.written) });
    case 'document_issued':
      return t(after.kind === 'reminder' ? 'audit.sentence.document_issued_reminder' : 'audit.sentence.document_issued_round_record', {
        who,
        number: text(after.number),
        venue: entry.names[text(after.venueId)] ?? t('audit.unknownRound'),
      });
    case 'package_prepared':
    case 'package_received':
      return t(`audit.sentence.${entry.action}`, { who, sequence: text(after.sequence) });
    case 'inspected':
      return t('audit.sentence.inspected', { who, count: Number(after.findings ?? 0), round: entry.names[text(after.roundId)] ?? t('audit.unknownRound') });
    case 'action_done':
      return t('audit.sentence.action_done', { who, kind: t(`inspections.actionKind.${text(after.kind)}`, { defaultValue: text(after.kind) }) });
    case 'add_posting_point':
    case 'rename_posting_point':
    case 'retire_posting_point':
      return t(`audit.sentence.${entry.action}`, { who, label: text(after.label), before: text(before.label) });
    default:
      return null;
  }
}
