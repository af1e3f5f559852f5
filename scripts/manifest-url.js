// Writes the production address into manifest.xml: every development URL and the development
// origin (AppDomain) become the production ones. Used by webpack.config.js; tested in test/.
'use strict';
const DEV_URL = 'https://localhost:3000/';

function productionManifest(xml, prodUrl) {
  if (!/^https:\/\/[^/]+\/(.+\/)?$/.test(prodUrl))
    throw new Error(`ADDIN_URL 必须是以 https:// 开头、以 / 结尾的地址，现为 ${prodUrl}`);
  const devOrigin = new URL(DEV_URL).origin;
  const prodOrigin = new URL(prodUrl).origin;
  return xml
    .split(DEV_URL)
    .join(prodUrl)
    .split(`<AppDomain>${devOrigin}</AppDomain>`)
    .join(`<AppDomain>${prodOrigin}</AppDomain>`);
}

module.exports = { DEV_URL, productionManifest };
