/** The pane's start-up check runs in old hosts' browsers (IE11, EdgeHTML) and explains itself. */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { parse } from 'acorn';

const html = fs.readFileSync(path.join(__dirname, '..', 'src', 'taskpane', 'taskpane.html'), 'utf8');
const check = /<script>([\s\S]*?)<\/script>/.exec(html)![1];

function runCheck(syntaxOk: boolean) {
  const root = { innerHTML: '' };
  const win: Record<string, unknown> = {};
  const sandbox: Record<string, unknown> = {
    window: win,
    document: { getElementById: (id: string) => (id === 'root' ? root : null) },
  };
  // An old browser cannot compile ?. or arrows: its Function constructor throws a SyntaxError.
  if (!syntaxOk) {
    sandbox.Function = function () {
      throw new SyntaxError('Expected identifier');
    };
  }
  vm.runInNewContext(check, sandbox);
  return { root, win };
}

test('the check itself is ES5, so IE11 can run it', () => {
  expect(() => parse(check, { ecmaVersion: 5 })).not.toThrow();
});

test('an old browser gets a Chinese message naming what is needed', () => {
  const { root, win } = runCheck(false);
  expect(win.hqdsUnsupported).toBe(true);
  expect(root.innerHTML).toMatch(/Internet Explorer 11/);
  expect(root.innerHTML).toMatch(/Microsoft 365 或 Office 2021/);
});

test('a current browser is left alone', () => {
  const { root, win } = runCheck(true);
  expect(win.hqdsUnsupported).toBeUndefined();
  expect(root.innerHTML).toBe('');
});
