import type { ReactNode } from 'react';

interface Props {
  /** Label and value pairs; a pair with an empty value is left out. */
  facts: ReadonlyArray<readonly [string, ReactNode]>;
  /** Further facts that need their own markup (a link, say). */
  children?: ReactNode;
}

/** A record's details as a definition list: labels left, values right. */
export function Facts({ facts, children }: Props) {
  return (
    <dl className="facts">
      {facts
        .filter(([, value]) => value !== '' && value !== null && value !== undefined)
        .map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      {children}
    </dl>
  );
}
