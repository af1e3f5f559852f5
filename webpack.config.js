/* eslint-disable */
// Builds the task pane, the command file and the preview into dist/, with manifest.xml and the icons.
//   ADDIN_URL=https://intranet.example/hqds/ npm run build   — production address written into dist/manifest.xml
//   OFFICE_JS=local npm run build                             — serve our own copy of Office.js (isolated networks; see README for its limits)
// By default the pane loads Office.js from Microsoft's CDN, as Microsoft requires: the CDN copy is
// the one kept current with the hosts (the npm package @microsoft/office-js stopped at 1.1.110 in
// 2022 and lacks newer proxies such as Worksheet.notes).
// https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const { DEV_URL, productionManifest } = require('./scripts/manifest-url');
const OFFICE_JS_FILES = /^(office\.js|o15apptofilemappingtable\.js|es6-promise\.js|excel[-a-z0-9.]*(?<!\.debug)\.js|(zh-cn|en-us)\/[a-z_]+(?<!\.debug)\.js)$/;

module.exports = (env, argv) => {
  const dev = argv.mode !== 'production';
  const prodUrl = process.env.ADDIN_URL || DEV_URL;
  const selfHosted = process.env.OFFICE_JS === 'local';
  const officeJs = selfHosted ? 'office-js/office.js' : 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      preview: './src/preview/index.tsx',
    },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } } } },
      ],
    },
    // SheetJS and ExcelJS reach for node built-ins they do not need in the browser.
    node: false,
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], templateParameters: { officeJs } }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], templateParameters: { officeJs } }),
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : productionManifest(content.toString(), prodUrl)),
          },
          ...(!selfHosted ? [] : [{
            from: '**/*.js',
            context: path.dirname(require.resolve('@microsoft/office-js/package.json')) + '/dist',
            to: 'office-js/[path][name][ext]',
            info: { minimized: true },
            filter: (p) => OFFICE_JS_FILES.test(path.relative(path.dirname(require.resolve('@microsoft/office-js/package.json')) + '/dist', p).split(path.sep).join('/')),
          }]),
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, 'dist') },
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: 'https',
      port: 3000,
    },
  };
};
