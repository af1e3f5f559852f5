import { checkCreditCode } from '../../src/core/validators';

/** A code with a correct check character for a 17-character body. The check itself is verified
 *  against real published codes in validators.test.ts, so building test codes with it is not circular. */
export const validCode = (body: string) =>
  body + (checkCreditCode(body + '0') as { expected: string }).expected;
