/**
 * Column checks by kind, compiled once per column: the engine calls the result for every non-empty
 * cell of that column. Empty cells, Excel error values and failures inside a check are the engine's.
 */
import type { Column } from '../profile';
import { checkContact, checkEmail, checkPhone } from './contact';
import { checkCreditCodeCell, checkNumber } from './number';
import { checkQuantity } from './quantity';
import { checkBenefit, checkFixed, checkModels, checkPerson, checkText } from './text';
import { ok, type CellCheck, type CheckContext } from './types';
import { checkVocab } from './vocabulary';

export type { CellCheck, CellResult, CheckContext } from './types';

export function compileCheck(col: Column, ctx: CheckContext): CellCheck {
  switch (col.type) {
    case 'seq':
      return (_value, text) => ok(text);
    case 'text':
      return (_value, text) => checkText(col, text);
    case 'person':
      return (_value, text) => checkPerson(col, text);
    case 'benefit':
      return (_value, text) => checkBenefit(col, text);
    case 'fixed':
      return (_value, text) => checkFixed(col, text);
    case 'models':
      return (_value, text) => checkModels(col, text);
    case 'vocab': {
      // A vocabulary the profile lacks fails at the cell (an internal issue), not when compiling.
      const matcher = ctx.matchers.get(col.vocab!);
      return (_value, text) => checkVocab(col, matcher!, text);
    }
    case 'quantity':
      return (value, text, unit) => checkQuantity(ctx, col, value, text, unit);
    case 'contact':
      return (_value, text) => checkContact(col, text);
    case 'phone':
      return (value, text) => checkPhone(text, value);
    case 'email':
      return (_value, text) => checkEmail(text);
    case 'creditCode':
      return (_value, text) => checkCreditCodeCell(ctx.profile, text);
    case 'money':
      return (value, text) => checkNumber(col, value, text, 'money');
    case 'percent':
      return (value, text) => checkNumber(col, value, text, 'percent');
  }
}
