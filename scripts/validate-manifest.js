#!/usr/bin/env node
// Validates manifest.xml (and dist/manifest.xml when built) against the Office add-in XML schemas
// offline with xmllint: the online validator cannot be reached from here. Schemas: ../shared/schemas.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const schemaDir = [
  process.env.HQDS_MANIFEST_SCHEMAS,
  path.resolve(root, '../shared/schemas/office-addin-manifest'),
  path.resolve(root, 'schemas/office-addin-manifest'),
]
  .filter(Boolean)
  .find((d) => fs.existsSync(path.join(d, 'OfficeAppManifestV1_1.xsd')));
if (!schemaDir) {
  console.error(
    '找不到清单架构 OfficeAppManifestV1_1.xsd：请把 shared/schemas/office-addin-manifest 放在项目旁，或设置 HQDS_MANIFEST_SCHEMAS。',
  );
  process.exit(2);
}
const files = [path.join(root, 'manifest.xml'), path.join(root, 'dist/manifest.xml')].filter((f) =>
  fs.existsSync(f),
);
let failed = false;
for (const f of files) {
  try {
    execFileSync('xmllint', ['--noout', '--schema', path.join(schemaDir, 'OfficeAppManifestV1_1.xsd'), f], {
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    console.log(`${path.relative(root, f)} validates`);
  } catch (e) {
    failed = true;
    if (e.code === 'ENOENT') {
      console.error('没有 xmllint：请安装 libxml2-utils（apt-get install libxml2-utils）。');
      process.exit(2);
    }
    process.stderr.write(String(e.stderr || e.message));
  }
}
process.exit(failed ? 1 : 0);
