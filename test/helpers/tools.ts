/** External programs the integration tests use: LibreOffice (another spreadsheet program must read
 *  what we write) and poppler (the printed page as PNG). Missing on a developer's machine, those
 *  tests are skipped and say so; in CI (CI=true) a missing program fails the run. */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

export const SOFFICE = which('soffice') ?? which('libreoffice');
export const PDFTOPPM = which('pdftoppm');

/** test, or test.skip with the reason printed — never a silent pass. */
export function needs(tool: string | null, name: string): jest.It {
  if (tool) return test;
  if (process.env.CI === 'true') throw new Error(`CI 上缺少 ${name}：.ci/run 应该已安装它。`);

  console.warn(
    `跳过需要 ${name} 的测试：本机没有安装（apt-get install libreoffice-calc-nogui poppler-utils）。`,
  );
  return test.skip;
}

/** LibreOffice headless conversion; its own profile directory so parallel runs do not collide. */
export function convert(file: string, to: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(outDir, 'lo-profile-'));
  execFileSync(
    SOFFICE!,
    [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, file],
    { stdio: 'pipe', timeout: 180000 },
  );
  const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, '') + '.' + to.split(':')[0]);
  if (!fs.existsSync(out)) throw new Error(`LibreOffice did not write ${out}`);
  return out;
}
