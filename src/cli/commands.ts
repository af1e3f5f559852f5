import type { Args } from './main';
export async function runCheck(_a: Args, _o: NodeJS.WritableStream, e: NodeJS.WritableStream): Promise<number> { e.write('check: 尚未实现\n'); return 2; }
export async function runBuild(_a: Args, _o: NodeJS.WritableStream, e: NodeJS.WritableStream): Promise<number> { e.write('build: 尚未实现\n'); return 2; }
