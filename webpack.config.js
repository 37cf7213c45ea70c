/*
 * The add-in build: two entries, one bundle each, and the files the manifest names.
 *
 *   dist/functions.js    the custom functions (entry src/functions/functions.ts); self-contained,
 *                        registers every HPC.* function with CustomFunctions.associate on load
 *   dist/functions.json  their metadata, generated from the JSDoc by custom-functions-metadata-plugin
 *   dist/taskpane.js     the pane (entry taskpane/taskpane.ts)
 *   dist/taskpane.html   the shared runtime's page: office.js, then functions.js and taskpane.js
 *   dist/taskpane.css, dist/assets/*, dist/manifest.xml
 *
 * Development builds only (`webpack --mode development`, `npm start`) add the preview page, which the
 * manifest never names:
 *
 *   dist/preview.html    the pane's markup beside a workbook: office.js (a local copy), then preview.js
 *   dist/preview.js      the pane booted with a HyperFormula workbook (entry preview/preview.ts)
 *   dist/preview.css, dist/office.js (from @microsoft/office-js, for this page only)
 *
 * HyperFormula is GPL-3.0: the build fails if it reaches any bundle but the preview's, and the
 * production build has no preview at all.
 *
 * In production mode every https://localhost:3000/ in the copied manifest is replaced by
 * ADDIN_PUBLIC_URL (an https URL; defaults to the dev URL, for sideloading a local build).
 * `webpack serve` serves over HTTPS on localhost:3000 with office-addin-dev-certs' certificate,
 * or, when that cannot be had, with a self-signed one (Office will then refuse it until trusted).
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;
const FUNCTIONS_ENTRY = path.resolve(__dirname, "src/functions/functions.ts");
const TASKPANE_ENTRY = path.resolve(__dirname, "taskpane/taskpane.ts");
const PREVIEW_ENTRY = path.resolve(__dirname, "preview/preview.ts");
/** The entries that may bundle hyperformula: the development-only preview. */
const HYPERFORMULA_ALLOWED = Object.freeze(["preview"]);

/** What the build produces, by role: the manifest test checks the manifest against it. */
const OUTPUTS = Object.freeze({
  functionsScript: "functions.js",
  functionsMetadata: "functions.json",
  taskpanePage: "taskpane.html",
  taskpaneScript: "taskpane.js",
  manifest: "manifest.xml",
});

/** The preview's files (development builds only). */
const PREVIEW_OUTPUTS = Object.freeze({
  page: "preview.html",
  script: "preview.js",
  officeJs: "office.js",
});

function productionUrl() {
  const raw = process.env.ADDIN_PUBLIC_URL;
  if (!raw) return DEV_URL;
  const url = new URL(raw); // throws on a malformed URL: better than a broken manifest
  if (url.protocol !== "https:") throw new Error(`ADDIN_PUBLIC_URL must be an https URL, got ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca, key, cert } };
  } catch (err) {
    console.warn(
      `office-addin-dev-certs could not provide a trusted localhost certificate (${err instanceof Error ? err.message.split("\n")[0] : err}).\n` +
        "Serving HTTPS with a self-signed certificate instead; run `npx office-addin-dev-certs install` to trust one.",
    );
    return { type: "https" };
  }
}

const HYPERFORMULA = /[\\/]node_modules[\\/]hyperformula[\\/]/;

/** The files a module stands for: itself, or every module concatenated into it (production's scope hoisting). */
function resourcesOf(m) {
  if (Array.isArray(m.modules)) return m.modules.flatMap(resourcesOf);
  return m.resource ? [m.resource] : [];
}

/**
 * Fails the build if a module from node_modules/hyperformula (GPL, dev and test only) gets into a
 * chunk of any entry but the allowed ones (the preview's), after chunks are split and modules
 * concatenated, so a shared chunk counts for every entry that loads it.
 */
class NoHyperFormulaPlugin {
  constructor(allowed = []) {
    this.allowed = new Set(allowed);
  }

  apply(compiler) {
    compiler.hooks.compilation.tap("NoHyperFormulaPlugin", (compilation) => {
      compilation.hooks.afterSeal.tap("NoHyperFormulaPlugin", () => {
        const { WebpackError } = compiler.webpack;
        for (const [name, entrypoint] of compilation.entrypoints) {
          if (this.allowed.has(name)) continue;
          for (const chunk of entrypoint.chunks) {
            for (const m of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
              const resource = resourcesOf(m).find((r) => HYPERFORMULA.test(r));
              if (resource) {
                compilation.errors.push(
                  new WebpackError(`hyperformula must not be bundled in "${name}" (GPL, dev/test only): ${resource}`),
                );
                return;
              }
            }
          }
        }
      });
    });
  }
}

/** The preview page: preview/preview.html with the pane's markup (taskpane.html's <main>) in place of its PANE comment. */
function previewPage() {
  const fs = require("node:fs");
  const page = fs.readFileSync(path.resolve(__dirname, "preview/preview.html"), "utf8");
  const pane = fs.readFileSync(path.resolve(__dirname, "taskpane/taskpane.html"), "utf8");
  const main = /<main id="app">[\s\S]*<\/main>/.exec(pane);
  if (!main) throw new Error('taskpane/taskpane.html has no <main id="app">');
  const slot = /<!-- PANE:[\s\S]*?-->/;
  if (!slot.test(page)) throw new Error("preview/preview.html has no <!-- PANE: … --> slot");
  return page.replace(slot, () => main[0]);
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const dev = mode === "development";
  const publicUrl = dev ? DEV_URL : productionUrl();
  const config = {
    mode,
    context: __dirname,
    devtool: "source-map",
    entry: {
      functions: FUNCTIONS_ENTRY,
      taskpane: TASKPANE_ENTRY,
      // The preview (HyperFormula, GPL) only ever in a development build.
      ...(dev ? { preview: PREVIEW_ENTRY } : {}),
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `npm run typecheck`'s job; the build only transpiles.
            options: { transpileOnly: true, configFile: path.resolve(__dirname, "tsconfig.json") },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_ENTRY, output: OUTPUTS.functionsMetadata }),
      new HtmlWebpackPlugin({
        filename: OUTPUTS.taskpanePage,
        template: path.resolve(__dirname, "taskpane/taskpane.html"),
        // Functions first: they must be registered whether or not the pane is ever shown.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          { from: "taskpane/taskpane.css", to: "taskpane.css" },
          // The no-module check that shows a message on hosts the pane cannot run in (IE11, old Safari).
          { from: "taskpane/unsupported.js", to: "unsupported.js" },
          {
            from: "manifest.xml",
            to: OUTPUTS.manifest,
            transform: (content) =>
              publicUrl === DEV_URL ? content : content.toString().replaceAll(DEV_URL, publicUrl),
          },
        ],
      }),
      ...(dev
        ? [
            new HtmlWebpackPlugin({
              filename: PREVIEW_OUTPUTS.page,
              templateContent: previewPage,
              chunks: ["preview"],
            }),
            new CopyWebpackPlugin({
              patterns: [
                { from: "preview/preview.css", to: "preview.css" },
                // Office.js for the preview page only; the add-in's page keeps the CDN reference Office requires.
                // Outside Office it loads o15apptofilemappingtable.js from its own folder, then resolves
                // Office.onReady with host null.
                { from: require.resolve("@microsoft/office-js/dist/office.js"), to: PREVIEW_OUTPUTS.officeJs },
                {
                  from: require.resolve("@microsoft/office-js/dist/o15apptofilemappingtable.js"),
                  to: "o15apptofilemappingtable.js",
                },
              ],
            }),
          ]
        : []),
      new NoHyperFormulaPlugin(HYPERFORMULA_ALLOWED),
    ],
    performance: { hints: false },
    devServer: {
      port: DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      // The shared runtime reloads the page on change; hot module replacement would not re-register functions.
      hot: false,
      liveReload: true,
      static: false,
      ...(env.WEBPACK_SERVE ? { server: await httpsServer() } : {}),
    },
  };
  return config;
};

module.exports.DEV_URL = DEV_URL;
module.exports.OUTPUTS = OUTPUTS;
module.exports.PREVIEW_OUTPUTS = PREVIEW_OUTPUTS;
module.exports.NoHyperFormulaPlugin = NoHyperFormulaPlugin;
