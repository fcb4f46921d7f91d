// Builds the add-in into dist/: taskpane.html (the shared runtime page: task pane, ribbon
// command and custom functions), functions.js + functions.json (SALES.*), help.html, icons
// and manifest.xml. `ADDIN_URL=https://host/path/ npm run build` points the copied manifest
// and the functions' help links at that host instead of the development server.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { Compilation, WebpackError, sources } = require("webpack");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

// Office.js loads its host scripts from its own CDN, may fall back to MicrosoftAjax from
// ajax.aspnetcdn.com, and frames an error page from its CDN when a host is not trusted.
// Office.js and Fluent UI set inline styles, so styles need 'unsafe-inline'; scripts never
// do, and nothing may eval.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-src https://appsforoffice.microsoft.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`;

/** The base URL the add-in is served from, ending in "/". Refuses anything but https. */
function addinBaseUrl(value) {
  if (value === undefined || value === "") return DEV_URL;
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ADDIN_URL "${value}" is not a URL. Use the https address the add-in is served from, e.g. https://example.org/planner/`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`ADDIN_URL "${value}" must start with https:// — Office loads add-ins only over HTTPS.`);
  }
  if (url.search || url.hash) {
    throw new Error(`ADDIN_URL "${value}" must be a plain folder address, without ?query or #fragment.`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** Puts the CSP meta tag first in <head> of a page we copy as is (help.html). */
function withContentSecurityPolicy(html, file) {
  if (/http-equiv=["']?Content-Security-Policy/i.test(html)) {
    throw new Error(`${file} declares its own Content-Security-Policy; remove it, the build adds the shared one.`);
  }
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error(`${file} has no <head> element to put the Content-Security-Policy in.`);
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n  ${CSP_META}${html.slice(at)}`;
}

/**
 * functions.json as Excel must read it: the generated metadata plus the one flag only
 * hand-written metadata can carry (docs/excel/custom-functions-errors.md). Without
 * allowErrorForDataTypeAny Excel never calls a function whose argument holds an error, so a
 * #N/A inside a range could not be passed on with the cell it came from. The flag acts on
 * parameters of type any only, so every parameter must be one. allowCustomDataForDataTypeAny
 * stays on: cells holding data types arrive as objects, which src/functions/parameters.ts reads.
 */
function handWrittenMetadata(generated) {
  const metadata = JSON.parse(generated);
  const typed = metadata.functions.flatMap((f) =>
    f.parameters.filter((p) => (p.type ?? "any") !== "any").map((p) => `${f.id}.${p.name} (${p.type})`),
  );
  if (typed.length > 0) {
    throw new Error(`allowErrorForDataTypeAny only reaches parameters of type any; these are not: ${typed.join(", ")}`);
  }
  const { functions, ...rest } = metadata;
  return JSON.stringify({ ...rest, allowCustomDataForDataTypeAny: true, allowErrorForDataTypeAny: true, functions }, null, 4);
}

/** Puts handWrittenMetadata's flags into the functions.json the metadata plugin emitted. */
class HandWrittenMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HandWrittenMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "HandWrittenMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return; // the metadata plugin has reported why
        try {
          compilation.updateAsset("functions.json", new sources.RawSource(handWrittenMetadata(asset.source.source().toString())));
        } catch (error) {
          compilation.errors.push(new WebpackError(`functions.json: ${error.message}`));
        }
      });
    });
  }
}

/** Rewrites the development server's address in the files that name it, after every other plugin. */
class RebaseUrlsPlugin {
  constructor(baseUrl, files) {
    this.baseUrl = baseUrl;
    this.files = files;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RebaseUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "RebaseUrlsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        for (const file of this.files) {
          const asset = compilation.getAsset(file);
          if (!asset) continue; // a missing functions.json is already reported by its own plugin
          const text = asset.source.source().toString().split(DEV_URL).join(this.baseUrl);
          const leftover = /\b(?:https?:\/\/)?(?:localhost|127\.0\.0\.1)\b[^\s"'<]*/i.exec(text);
          if (leftover) {
            compilation.errors.push(
              new WebpackError(
                `${file} still names ${leftover[0]} after rewriting ${DEV_URL} to ${this.baseUrl}; use ${DEV_URL} for every local URL.`,
              ),
            );
          }
          compilation.updateAsset(file, new sources.RawSource(text));
        }
      });
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const production = (argv.mode ?? "production") === "production";
  const baseUrl = addinBaseUrl(process.env.ADDIN_URL);
  const outputPath = env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, "dist");

  return {
    mode: production ? "production" : "development",
    // Never an eval-based source map: the pages' CSP forbids eval in development too.
    devtool: "source-map",
    context: __dirname,
    // The shared runtime is a modern browser (WebView2, Safari, Chromium or Firefox on the web);
    // ES2020 also lets webpack use globalThis instead of its `new Function("return this")` probe.
    target: ["web", "es2020"],
    entry: {
      // First, so SALES.* are associated as early as the page allows.
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: outputPath,
      filename: "[name].js",
      // Panels load on first use (React.lazy); a content hash in their names defeats Office's
      // cache as the page's ?hash does for the entry bundles.
      chunkFilename: "[name].[contenthash:8].js",
      // Chunks sit beside taskpane.html. A fixed public path, not "auto": webpack's detection
      // code names importScripts, and the bundles hold no network API at all.
      publicPath: "",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          // zod's eval probe out of the bundles (see the loader); the pane runs zod jitless.
          test: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/,
          loader: path.resolve(__dirname, "scripts/webpack/zodNoEvalLoader.cjs"),
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            configFile: path.resolve(__dirname, "tsconfig.json"),
            // Type checking is `npm run typecheck`; isolatedModules makes per-file emit safe.
            transpileOnly: true,
            // ES modules out, whatever a tsconfig override says, so webpack can tree-shake.
            compilerOptions: { module: "esnext", sourceMap: true },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      new HandWrittenMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        hash: true, // Office caches pages hard; a query string per build defeats stale bundles
        templateParameters: { cspMeta: CSP_META, officeJs: OFFICE_JS },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          {
            from: "src/help/help.html",
            to: "help.html",
            transform: (content, absoluteFrom) => withContentSecurityPolicy(content.toString(), path.relative(__dirname, absoluteFrom)),
          },
        ],
      }),
      ...(baseUrl === DEV_URL ? [] : [new RebaseUrlsPlugin(baseUrl, ["manifest.xml", "functions.json"])]),
    ],
    performance: {
      // Fluent UI makes the pane larger than webpack's web-page default; npm run bench tracks size.
      hints: false,
    },
    devServer: {
      static: false,
      // https://localhost:3000/ is the first address people try; answer it with the pane, not a 404.
      devMiddleware: { index: "taskpane.html" },
      // No client injected into the bundles: its overlay code holds a `new Function`, and the
      // pane must run under the same CSP as in production. Rebuilds still happen; reload the pane.
      hot: false,
      liveReload: false,
      client: false,
      webSocketServer: false,
      headers: {
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        // Excel fetches functions.json from its own origin.
        "Access-Control-Allow-Origin": "*",
      },
    },
  };
};

module.exports.CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;
module.exports.DEV_URL = DEV_URL;
module.exports.addinBaseUrl = addinBaseUrl;
module.exports.handWrittenMetadata = handWrittenMetadata;
