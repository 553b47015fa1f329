import { useTranslation } from 'react-i18next';
import type { PackageCounts } from '../../shared/domain/exchange';
import { useFigureFormat } from '../dashboard/format';
import { Facts } from '../forms/Facts';
import { exchangeVi } from '../i18n/areas/exchange';

type LabelledTable = keyof typeof exchangeVi.tables;

const isLabelled = (table: string): table is LabelledTable => Object.hasOwn(exchangeVi.tables, table);

/** What a package carries, table by table, as the clerk reads it: "Cơ sở 42", "Tồn tại 3". */
export function PackageContents({ counts }: { counts: PackageCounts }) {
  const { t } = useTranslation();
  const format = useFigureFormat();
  // A table the back end adds later still shows, under its own name, until it gets a label.
  const facts = Object.entries(counts).map(
    ([table, count]) => [isLabelled(table) ? t(`exchange.tables.${table}`) : table, format.count(count)] as const,
  );
  return (
    <div className="facts-block">
      <h3>{t('exchange.contents')}</h3>
      <Facts facts={facts} />
    </div>
  );
}
