import type { dashboardOperations } from '../../shared/api/operations/dashboard';
import type { DashboardQuery } from '../../shared/domain/dashboard';
import type { HandlersOf } from '../core/dispatcher';
import type { HandlerContext } from '../core/handlers';
import type { Db } from '../db/open';
import { todayInVietnam } from '../inspections/rows';
import { findUnit } from '../units/service';
import { dashboardXlsx } from './export';
import { dashboardFigures } from './figures';

/** The area as the file names it: a village, a commune, or the whole office. */
const areaNameOf = (db: Db, query: DashboardQuery) => {
  const id = query.villageId ?? query.communeId;
  return (id && findUnit(db, id)?.name) || 'Toàn địa bàn';
};

/** The dashboard's operations mapped to their services. */
export function dashboardHandlers(context: HandlerContext): HandlersOf<typeof dashboardOperations> {
  const { db } = context;
  return {
    'dashboard.figures': (query) => dashboardFigures(db, query, todayInVietnam()),
    'dashboard.export': (query) => dashboardXlsx(dashboardFigures(db, query, todayInVietnam()), areaNameOf(db, query)),
  };
}
