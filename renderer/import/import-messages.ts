/**
 * Where an import flow's words are in the messages (renderer/i18n): both flows word the
 * steps they share under the same keys, each in its own area, as their texts differ.
 */
export type ImportMessages = 'importFlow' | 'scans.import';
