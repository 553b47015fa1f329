import type { Settings } from '../../shared/domain/settings';

/** The office says what it is: a commune office its commune, an upper office its province or district. */
export const officeIsSet = (settings: Settings) =>
  settings.officeKind === 'commune' ? settings.homeCommuneId !== null : settings.upperUnitId !== null;
