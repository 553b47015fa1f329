import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface Props {
  label: string;
  /** The figure as shown, or the words for "no data". */
  value: string;
  /** The list behind the figure; none for a figure that is not a list (scans, a rate). */
  to?: string;
  /** The value is the words for "no data", not a figure. */
  noData?: boolean;
}

/** One figure, large, with what it counts; a click opens the list behind it. */
export function FigureCard({ label, value, to, noData = false }: Props) {
  const { t } = useTranslation();
  const body = (
    <>
      <span className={noData ? 'figure-value no-data' : 'figure-value'}>{value}</span>
      <span className="figure-label">{label}</span>
    </>
  );
  return to ? (
    <Link className="figure-card" to={to} aria-label={t('dashboard.openList', { label, value })}>
      {body}
    </Link>
  ) : (
    <div className="figure-card">{body}</div>
  );
}
