#!/usr/bin/env node
// A small static server for dist/: what `npm start` runs, and what the
// browser tests and benchmarks serve the add-in with. HTTPS when given a
// certificate (Office only loads add-ins over HTTPS), plain HTTP otherwise.
//
//   node scripts/serve.mjs [--port 3000] [--root dist] [--cert FILE --key FILE]
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Resolves a URL path inside root, or undefined when it would leave it. */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return undefined;
  }
  const file = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

/** Creates (does not start) a server for the files under root. */
export function createStaticServer({ root, cert, key }) {
  const absRoot = path.resolve(root);
  const handler = (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let file = resolveInside(absRoot, req.url ?? "/");
    if (file && existsSync(file) && statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
      // Office hosts the pane in a frame on office.com: no X-Frame-Options here.
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  };
  return cert && key ? https.createServer({ cert, key }, handler) : http.createServer(handler);
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
  };
  const port = Number(opt("--port", "3000"));
  const root = opt("--root", "dist");
  const certFile = opt("--cert", undefined);
  const keyFile = opt("--key", undefined);
  const server = createStaticServer({
    root,
    cert: certFile ? readFileSync(certFile) : undefined,
    key: keyFile ? readFileSync(keyFile) : undefined,
  });
  server.listen(port, "127.0.0.1", () => {
    console.log(`Serving ${path.resolve(root)} on ${certFile ? "https" : "http"}://localhost:${port}/`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
