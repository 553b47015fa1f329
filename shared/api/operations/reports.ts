/** Reports sent upward (Báo cáo): preview, issue as a fixed record, and the PDF, .docx and .xlsx files. */
export const reportOperations = {};
