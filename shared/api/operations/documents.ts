import { z } from 'zod';
import { Id } from '../../domain/fields';
import { DocumentContent, DocumentPdfRequest, DocumentRequest, IssuedDocument, IssuedDocumentSummary } from '../../domain/documents';
import { operation } from '../operation';

/** The documents of an inspection round: the draft, issuing as a fixed record, the issued ones, the PDF. */
export const documentOperations = {
  'documents.draft': operation({
    summary: 'Bản nháp biên bản kiểm tra hoặc giấy nhắc nhở, từ dữ liệu hiện tại / a document\'s draft from today\'s data',
    kind: 'read',
    roles: 'staff',
    input: DocumentRequest,
    output: DocumentContent,
  }),
  'documents.issue': operation({
    summary: 'Ban hành biên bản hoặc giấy nhắc nhở: cấp số, lưu nội dung như lúc ban hành / issue a document as a fixed record',
    kind: 'write',
    roles: ['leader'],
    input: DocumentRequest,
    output: IssuedDocument,
  }),
  'documents.list': operation({
    summary: 'Các văn bản đã ban hành của đợt kiểm tra / a round\'s issued documents',
    kind: 'read',
    roles: 'staff',
    input: z.object({ roundId: Id }),
    output: z.array(IssuedDocumentSummary),
  }),
  'documents.get': operation({
    summary: 'Một văn bản đã ban hành / an issued document',
    kind: 'read',
    roles: 'staff',
    input: z.object({ id: Id }),
    output: IssuedDocument,
  }),
  'documents.pdf': operation({
    summary: 'Văn bản đã ban hành, hoặc bản nháp, dạng PDF / an issued document, or a draft, as PDF',
    // Waits while Chromium prints the app's own document view, which calls the API itself.
    kind: 'job',
    roles: ['leader', 'inspector'],
    input: DocumentPdfRequest,
    output: z.object({ fileName: z.string(), mimeType: z.literal('application/pdf'), bytesBase64: z.string() }),
  }),
};
