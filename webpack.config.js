// Builds the task pane, the command file and the preview into dist/, with manifest.xml and the icons.
//   ADDIN_URL=https://intranet.example/hqds/ npm run build   — production address written into dist/manifest.xml
//   OFFICE_JS=local npm run build                             — serve our own copy of Office.js (isolated networks; see README for its limits)
// By default the pane loads Office.js from Microsoft's CDN, as Microsoft requires: the CDN copy is
// the one kept current with the hosts (the npm package @microsoft/office-js stopped at 1.1.110 in
// 2022 and lacks newer proxies such as Worksheet.notes).
// https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn
const path = require('path');
const zlib = require('zlib');
const { promisify } = require('util');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const { DEV_URL, productionManifest } = require('./scripts/manifest-url');
const OFFICE_JS_FILES =
  /^(office\.js|o15apptofilemappingtable\.js|es6-promise\.js|excel[-a-z0-9.]*(?<!\.debug)\.js|(zh-cn|en-us)\/[a-z_]+(?<!\.debug)\.js)$/;

/**
 * Writes NAME.gz and NAME.br beside every compressible asset of a production build, for a static
 * server that serves precompressed files (nginx gzip_static / brotli_static, IIS, Caddy's
 * precompressed). Node's own zlib: no plugin dependency. Brotli at quality 10: quality 11 saved
 * 1.5 % more on taskpane.js for 2.4× the time, quality 9 was 8 % larger (BENCHMARKS.md).
 */
class PrecompressPlugin {
  apply(compiler) {
    const gzip = promisify(zlib.gzip);
    const brotli = promisify(zlib.brotliCompress);
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      compilation.hooks.processAssets.tapPromise(
        { name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        async (assets) => {
          const jobs = Object.keys(assets)
            .filter(
              (name) => /\.(js|mjs|css|html|json|svg|xml|txt)$/.test(name) && assets[name].size() >= 1024,
            )
            .map(async (name) => {
              const raw = Buffer.from(assets[name].source());
              const [gz, br] = await Promise.all([
                gzip(raw, { level: 9 }),
                brotli(raw, {
                  params: {
                    [zlib.constants.BROTLI_PARAM_QUALITY]: 10,
                    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
                  },
                }),
              ]);
              const info = { compressed: true, minimized: true, immutable: false };
              if (gz.length < raw.length)
                compilation.emitAsset(`${name}.gz`, new sources.RawSource(gz), info);
              if (br.length < raw.length)
                compilation.emitAsset(`${name}.br`, new sources.RawSource(br), info);
            });
          await Promise.all(jobs);
        },
      );
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode !== 'production';
  const prodUrl = process.env.ADDIN_URL || DEV_URL;
  const selfHosted = process.env.OFFICE_JS === 'local';
  const officeJs = selfHosted
    ? 'office-js/office.js'
    : 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      preview: './src/preview/index.tsx',
    },
    // On-demand chunks (readers, writers, codepages, the Word reader) carry a content hash, so a
    // new version is never served from a stale cache; entry names stay fixed for the manifest.
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          // What dynamic import() reaches is grouped by library, so each loads once, whoever asks.
          codepages: {
            test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]dist[\\/]cp/,
            name: 'codepages',
            chunks: 'async',
            enforce: true,
            priority: 30,
          },
          sheetjs: {
            test: /[\\/]node_modules[\\/]@e965[\\/]xlsx[\\/]/,
            name: 'sheetjs',
            chunks: 'async',
            enforce: true,
            priority: 20,
          },
          word: {
            test: /[\\/]node_modules[\\/](jszip|@xmldom|pako|lie|setimmediate|immediate|readable-stream)[\\/]/,
            name: 'word',
            chunks: 'async',
            enforce: true,
            priority: 20,
          },
        },
      },
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: 'tsconfig.json',
              compilerOptions: { module: 'esnext', moduleResolution: 'bundler' },
            },
          },
        },
      ],
    },
    // SheetJS and ExcelJS reach for node built-ins they do not need in the browser.
    node: false,
    performance: { hints: false },
    plugins: [
      ...(dev ? [] : [new PrecompressPlugin()]),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeJs },
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        templateParameters: { officeJs },
      }),
      new HtmlWebpackPlugin({
        filename: 'preview.html',
        template: './src/preview/preview.html',
        chunks: ['preview'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'src/taskpane/help.html', to: 'help.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : productionManifest(content.toString(), prodUrl)),
          },
          ...(!selfHosted
            ? []
            : [
                {
                  from: '**/*.js',
                  context: path.dirname(require.resolve('@microsoft/office-js/package.json')) + '/dist',
                  to: 'office-js/[path][name][ext]',
                  info: { minimized: true },
                  filter: (p) =>
                    OFFICE_JS_FILES.test(
                      path
                        .relative(
                          path.dirname(require.resolve('@microsoft/office-js/package.json')) + '/dist',
                          p,
                        )
                        .split(path.sep)
                        .join('/'),
                    ),
                },
              ]),
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
