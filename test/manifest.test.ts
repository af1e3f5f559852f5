import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { productionManifest } = require('../scripts/manifest-url');
import * as os from 'os';
import { needs, which } from './helpers/tools';

const xml = fs.readFileSync(path.resolve(__dirname, '../manifest.xml'), 'utf8');

test('the production address replaces every development URL and the AppDomain origin', () => {
  const out: string = productionManifest(xml, 'https://intranet.example.gov.cn/hqds/');
  expect(out).not.toContain('localhost');
  expect(out).toContain('<AppDomain>https://intranet.example.gov.cn</AppDomain>');
  expect(out).toContain(
    '<SourceLocation DefaultValue="https://intranet.example.gov.cn/hqds/taskpane.html"/>',
  );
  expect(out).toContain('<DisplayName DefaultValue="高质量数据集汇总助手">');
});

test('a production address that is not https or lacks the final / is refused', () => {
  expect(() => productionManifest(xml, 'http://intranet/hqds/')).toThrow(/https/);
  expect(() => productionManifest(xml, 'https://intranet/hqds')).toThrow(/\//);
});

const xmllint = which('xmllint');
needs(xmllint, 'xmllint')('the production manifest still validates against the Office add-in schemas', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hqds-manifest-'));
  const f = path.join(dir, 'manifest.xml');
  fs.writeFileSync(f, productionManifest(xml, 'https://intranet.example.gov.cn/hqds/'));
  const schema = path.resolve(
    __dirname,
    '../../shared/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd',
  );
  expect(() => execFileSync(xmllint!, ['--noout', '--schema', schema, f], { stdio: 'pipe' })).not.toThrow();
});
