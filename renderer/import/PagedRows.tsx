import { useState, type ReactNode } from 'react';
import type { Result } from '../../shared/api/result';
import { useOperation } from '../api/use-operation';

const PAGE = 100;

interface RowsQuery<S extends string> {
  importId: string;
  status: S;
  offset: number;
  limit: number;
}

// The statuses name the tabs; the rest follow them (NoInfer), else S would widen to string.
interface Props<S extends string, R> {
  importId: string;
  statuses: readonly S[];
  counts: Record<NoInfer<S>, number>;
  /** The tab shown until the clerk picks one. */
  firstStatus: NoInfer<S>;
  /** The flow's rows operation. */
  load(query: RowsQuery<NoInfer<S>>): Promise<Result<{ rows: R[]; total: number }>>;
  /** Changes when the rows change in main without a new check (a row assigned), so the page shown follows. */
  revision?: number;
  words: {
    tab(status: S): string;
    previous: string;
    next: string;
    rowsShown(range: { from: number; to: number; total: string }): string;
  };
  /** The table of one page of rows under the tab shown. */
  children(rows: R[], status: S): ReactNode;
}

/** An import's checked rows: a tab per status with its count, a page of the rows under it, and a pager when they are many. */
export function PagedRows<S extends string, R>({ importId, statuses, counts, firstStatus, load, revision, words, children }: Props<S, R>) {
  const [chosen, setChosen] = useState<S>();
  const status = chosen ?? firstStatus;
  const [offset, setOffset] = useState(0);
  const page = useOperation(() => load({ importId, status, offset, limit: PAGE }), [importId, status, offset, revision]);

  return (
    <section>
      <div className="tabs" role="tablist">
        {statuses.map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            aria-selected={status === value}
            className={status === value ? 'active' : undefined}
            onClick={() => {
              setChosen(value);
              setOffset(0);
            }}
          >
            {words.tab(value)} ({counts[value].toLocaleString('vi-VN')})
          </button>
        ))}
      </div>
      {page?.ok && children(page.value.rows, status)}
      {page?.ok && page.value.total > PAGE && (
        <div className="pager">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(offset - PAGE)}>
            {words.previous}
          </button>
          <span>{words.rowsShown({ from: offset + 1, to: Math.min(offset + PAGE, page.value.total), total: page.value.total.toLocaleString('vi-VN') })}</span>
          <button type="button" disabled={offset + PAGE >= page.value.total} onClick={() => setOffset(offset + PAGE)}>
            {words.next}
          </button>
        </div>
      )}
    </section>
  );
}
