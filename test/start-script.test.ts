/** npm start opens the browser where there is one, and always prints the address where it can be seen. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script
const { openCommand, banner } = require('../scripts/start.js') as {
  openCommand: (p: string, env: Record<string, string | undefined>) => { cmd: string; args: string[] } | null;
  banner: (url: string, opened: boolean) => string;
};

test('a browser is opened on desktops only', () => {
  expect(openCommand('darwin', {})?.cmd).toBe('open');
  expect(openCommand('win32', {})?.cmd).toBe('cmd');
  expect(openCommand('linux', { DISPLAY: ':0' })?.cmd).toBe('xdg-open');
  expect(openCommand('linux', {})).toBeNull();
  expect(openCommand('linux', { DISPLAY: ':0', CI: 'true' })).toBeNull();
  expect(openCommand('darwin', { HQDS_NO_OPEN: '1' })).toBeNull();
});

test('the address stands out in a box', () => {
  const b = banner('http://localhost:3000/preview.html', false);
  expect(b).toContain('http://localhost:3000/preview.html');
  expect(b).toContain('╔');
  expect(b).toContain('请在浏览器中打开');
});
