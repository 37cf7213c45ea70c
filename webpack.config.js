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

/** What the build produces, by role: the manifest test checks the manifest against it. */
const OUTPUTS = Object.freeze({
  functionsScript: "functions.js",
  functionsMetadata: "functions.json",
  taskpanePage: "taskpane.html",
  taskpaneScript: "taskpane.js",
  manifest: "manifest.xml",
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

/** Fails the build if a module from node_modules/hyperformula (GPL, dev and test only) gets into a bundle. */
class NoHyperFormulaPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("NoHyperFormulaPlugin", (compilation) => {
      compilation.hooks.finishModules.tap("NoHyperFormulaPlugin", (modules) => {
        for (const m of modules) {
          const resource = m.resource || "";
          if (/[\\/]node_modules[\\/]hyperformula[\\/]/.test(resource)) {
            const { WebpackError } = compiler.webpack;
            compilation.errors.push(
              new WebpackError(`hyperformula must not be bundled (GPL, dev/test only): ${resource}`),
            );
            return;
          }
        }
      });
    });
  }
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
          {
            from: "manifest.xml",
            to: OUTPUTS.manifest,
            transform: (content) =>
              publicUrl === DEV_URL ? content : content.toString().replaceAll(DEV_URL, publicUrl),
          },
        ],
      }),
      new NoHyperFormulaPlugin(),
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
