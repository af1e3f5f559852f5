/**
 * .doc and .wps (Word 97–2003 and WPS Writer binaries) in hqds: LibreOffice converts them to .docx
 * headless, in a temporary folder of our own with its own LibreOffice profile (so a running
 * LibreOffice or a parallel hqds does not collide), under a time limit; the folder is removed after.
 * Without LibreOffice the applicant is told to save the file as .docx.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LEGACY_WORD_MESSAGE } from '../io/read';

/** LibreOffice takes 2–10 s to start and convert a form; a minute means it is stuck. */
export const CONVERT_TIMEOUT_MS = 60_000;

const CANDIDATES = [
  '/usr/bin/soffice',
  '/usr/bin/libreoffice',
  '/usr/local/bin/soffice',
  '/opt/libreoffice/program/soffice',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
];

/** The soffice program: HQDS_SOFFICE, then PATH, then the usual install places; null when absent. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.HQDS_SOFFICE !== undefined)
    return env.HQDS_SOFFICE && fs.existsSync(env.HQDS_SOFFICE) ? env.HQDS_SOFFICE : null;
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const n of names) {
      const p = path.join(dir, n);
      if (fs.existsSync(p)) return p;
    }
  }
  return CANDIDATES.find((p) => fs.existsSync(p)) ?? null;
}

export class ConvertError extends Error {}

/** The .docx bytes of a .doc/.wps file. Throws ConvertError with a Chinese message naming the file. */
export async function convertLegacyWord(
  file: string,
  bytes: Uint8Array,
  opts: { soffice?: string | null; timeoutMs?: number } = {},
): Promise<Buffer> {
  const name = path.basename(file);
  const soffice = opts.soffice === undefined ? findSoffice() : opts.soffice;
  if (!soffice)
    throw new ConvertError(`「${name}」：${LEGACY_WORD_MESSAGE}（或安装 LibreOffice，hqds 即可自动转换）。`);
  const timeout = opts.timeoutMs ?? CONVERT_TIMEOUT_MS;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hqds-word-'));
  try {
    // An ASCII name inside our own folder: the user's file name never reaches the command line.
    const ext = (/\.[^.]+$/.exec(name)?.[0] ?? '.doc').toLowerCase();
    const input = path.join(dir, `input${ext}`);
    fs.writeFileSync(input, bytes);
    const profile = path.join(dir, 'profile');
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'docx:MS Word 2007 XML',
      '--outdir',
      dir,
      input,
    ];
    // child_process (with net and dgram) only here: loading it cost every hqds run 1.7 ms.
    const { spawn } = await import('child_process');
    const timedOut = await new Promise<boolean>((resolve) => {
      // Its own process group: soffice starts soffice.bin, and a timeout must end both, not just the launcher.
      const child = spawn(soffice, args, { stdio: 'ignore', detached: process.platform !== 'win32' });
      const timer = setTimeout(() => {
        try {
          if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, 'SIGKILL');
          else child.kill('SIGKILL');
        } catch {
          /* already gone */
        }
        resolve(true);
      }, timeout);
      child.on('error', () => {
        clearTimeout(timer);
        resolve(false);
      });
      child.on('exit', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
    if (timedOut)
      throw new ConvertError(
        `「${name}」：LibreOffice 转换超时（${Math.round(timeout / 1000)} 秒）。${LEGACY_WORD_MESSAGE}。`,
      );
    const out = path.join(dir, 'input.docx');
    if (!fs.existsSync(out))
      throw new ConvertError(`「${name}」：LibreOffice 未能转换这个文件。${LEGACY_WORD_MESSAGE}。`);
    return fs.readFileSync(out);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
