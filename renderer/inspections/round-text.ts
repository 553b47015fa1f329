import type { Round } from '../../shared/domain/inspections';
import { formatDay } from './day';

/** "05/06/2025" or "05/06/2025 – 07/06/2025". */
export const roundDates = (round: Pick<Round, 'startsOn' | 'endsOn'>): string =>
  round.endsOn && round.endsOn !== round.startsOn ? `${formatDay(round.startsOn)} – ${formatDay(round.endsOn)}` : formatDay(round.startsOn);
