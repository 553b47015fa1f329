/** A column as the clerk set it up in either import's mapping step: what it holds is the flow's own. */
interface ColumnChoiceLike {
  index: number;
}

/** The choice made for a column of the sheet (every column has one). */
export const choiceFor = <C extends ColumnChoiceLike>(choices: readonly C[], index: number): C =>
  choices.find((candidate) => candidate.index === index)!;

/** The choices with one column's changed. */
export const withChange = <C extends ColumnChoiceLike>(choices: readonly C[], index: number, patch: Partial<C>): C[] =>
  choices.map((choice) => (choice.index === index ? { ...choice, ...patch } : choice));
