import type { ReportParams, ReportTrace } from '../../shared/domain/reports';
import { venueListPath } from '../venues/venue-url-filters';

/**
 * The venue list behind a figure of the report: the report's area and period with the
 * figure's own filter, in the list's address as the dashboard's figures link to it. The
 * list shows the venues as they are now; the report keeps the figures it was issued with.
 */
export const venueListLink = (params: ReportParams, trace: ReportTrace): string =>
  venueListPath({ communeId: params.communeId, villageId: params.villageId, from: params.from, to: params.to, ...trace });
