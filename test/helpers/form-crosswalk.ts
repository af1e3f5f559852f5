/** What the learn-form tests hand learnForm: a crosswalk that knows a few labels, and a one-sheet
 *  template. `required` on a column carries whether learn-form called its label known. */
import type { TemplateRange, TemplateSheet } from '../../src/core/learn';
import type { Column, Vocabulary } from '../../src/core/profile';

export function formCrosswalk(known: Record<string, { key: string; how: 'exact' | 'fuzzy' }>) {
  return {
    keyOf: (label: string) => known[label] ?? null,
    column: (label: string, key: string, isKnown: boolean): Column => ({
      key,
      label,
      type: 'text',
      required: isKnown,
      multi: false,
      joiner: '、',
      width: 12,
      singleUnit: false,
    }),
    vocabulary: (_name: string, options: string[]): Vocabulary => ({
      items: options.map((label) => ({ label, concepts: [], synonyms: [], accept: [] })),
      otherBracketed: true,
    }),
  };
}

export const formSheet = (
  rows: (string | number | null)[][],
  merges: TemplateRange[] = [],
  colWidths?: (number | undefined)[],
): TemplateSheet => ({
  name: '表',
  hidden: false,
  rows,
  merges,
  validations: [],
  ...(colWidths && { colWidths }),
});
