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
const { BUDGET } = require('./bench/bundle-budget');
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

/**
 * Fails a production build whose task pane first load passes its gzip budget (issue 11: 200 KB):
 * the JavaScript files of the `taskpane` entry, which taskpane.html loads beside Office.js, at
 * gzip -9 as bench/bundle-budget.js measures them. A count, not a time, checked on every
 * production build (CI's `npm run build`) for about 0.1 s. To see what grew:
 * node bench/bundle-contents.js.
 */
class BundleBudgetPlugin {
  constructor(entry, budget) {
    this.entry = entry;
    this.budget = budget;
  }

  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('BundleBudgetPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'BundleBudgetPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const files = [...compilation.entrypoints.get(this.entry).getFiles()].filter((f) =>
            f.endsWith('.js'),
          );
          const gzip = files.map(
            (f) => zlib.gzipSync(Buffer.from(compilation.getAsset(f).source.source()), { level: 9 }).length,
          );
          const total = gzip.reduce((a, b) => a + b, 0);
          const sizes = files.map((f, i) => `${f} ${(gzip[i] / 1024).toFixed(1)} KB`);
          if (total > this.budget)
            compilation.errors.push(
              new WebpackError(
                `任务窗格首次加载的 JavaScript 超出预算：gzip ${(total / 1024).toFixed(1)} KB > ${(this.budget / 1024).toFixed(0)} KB（${sizes.join('，')}）。` +
                  '请把只在某个操作中用到的代码改为按需加载（import()），用 node bench/bundle-contents.js 查看各部分大小。',
              ),
            );
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
          // zod checks profiles from outside (a format stored in the workbook, 「新格式」), never the
          // built-ins at start-up (src/core/profiles/index.ts), so it stays out of the first chunk.
          zod: {
            test: /[\\/]node_modules[\\/]zod[\\/]/,
            name: 'zod',
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
      ...(dev ? [] : [new PrecompressPlugin(), new BundleBudgetPlugin('taskpane', BUDGET)]),
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
