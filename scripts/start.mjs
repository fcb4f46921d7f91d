#!/usr/bin/env node
// `npm start`: builds the add-in and serves it over HTTPS on https://localhost:3000 (PORT
// overrides the port), then says how to sideload manifest.xml. Development certificates are
// made without sudo in ~/.office-addin-dev-certs; nothing is installed in the system trust
// store, so the browser is told to trust the CA itself. Ctrl-C stops the server and exits 0.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { X509Certificate } from "node:crypto";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// The CA's private key is never written down (office-addin-dev-certs keeps only ca.crt), so it
// cannot sign anything else; a year spares people re-importing a fresh CA every month.
const CERT_DAYS = 365;
const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;

function port() {
  const text = process.env.PORT ?? "3000";
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    throw new Error(`PORT "${text}" is not a port number (1-65535).`);
  }
  return value;
}

/** Where the certificates live; read at call time so HOME can be changed (tests do). */
function certificatePaths() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  return { dir, ca: path.join(dir, "ca.crt"), cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
}

function usable(paths) {
  if (![paths.ca, paths.cert, paths.key].every(existsSync)) return false;
  try {
    const cert = new X509Certificate(readFileSync(paths.cert));
    const ca = new X509Certificate(readFileSync(paths.ca));
    return cert.checkIssued(ca) && Date.parse(cert.validTo) - Date.now() > RENEW_BEFORE_MS;
  } catch {
    return false;
  }
}

async function ensureCertificates() {
  const paths = certificatePaths();
  if (usable(paths)) return paths;
  const hadCa = existsSync(paths.ca);
  // generateCertificates writes nothing when ca.crt exists, so clear a stale or partial set first.
  for (const file of [paths.ca, paths.cert, paths.key]) rmSync(file, { force: true });
  const { generateCertificates } = require("office-addin-dev-certs");
  await generateCertificates(paths.ca, paths.cert, paths.key, CERT_DAYS, ["localhost", "127.0.0.1"]);
  if (!usable(paths)) throw new Error(`Could not make development certificates in ${paths.dir}.`);
  console.log(`Made development certificates (valid ${CERT_DAYS} days) in ${paths.dir}`);
  if (hadCa) console.log(`The development CA is new: import ${paths.ca} in your browser again.`);
  return paths;
}

function sideloadHelp(url, paths) {
  return [
    "",
    `Sales Strategy Planner is served at ${url}`,
    "",
    "Sideload it into Excel on the web:",
    `  1. Trust the development CA once in your browser: import ${paths.ca}`,
    "     as a certificate authority (Chrome/Edge: Settings > Privacy and security > Security >",
    "     Manage certificates > Authorities > Import; Firefox: Settings > Certificates > Import).",
    `     Check: ${url}taskpane.html opens without a certificate warning.`,
    "  2. Open a workbook in Excel on the web (https://www.office.com), then Home > Add-ins >",
    "     More Add-ins > My Add-ins > Upload My Add-in (older menus: Insert > Add-ins), and choose",
    `     ${path.join(root, "manifest.xml")}`,
    "  3. The Sales Planner button appears on the Home tab; type =SALES. in a cell for the functions.",
    "",
    "Excel desktop (Windows/Mac) with Node tools: npm run sideload:desktop",
    "Press Ctrl-C to stop.",
    "",
  ].join("\n");
}

/** Fails with a plain message when the port is taken (the dev server would only throw later). */
function ensurePortFree(listenPort) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error) =>
      reject(
        error.code === "EADDRINUSE" ? new Error(`port ${listenPort} is in use: stop the other server, or run with PORT=<another port>.`) : error,
      ),
    );
    probe.listen(listenPort, "localhost", () => probe.close(() => resolve()));
  });
}

async function main() {
  const listenPort = port();
  await ensurePortFree(listenPort);
  const paths = await ensureCertificates();
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = require(path.join(root, "webpack.config.js"))({}, { mode: "development" });
  if (listenPort !== 3000) {
    console.log(`Note: manifest.xml names port 3000; Excel will not find the add-in on port ${listenPort} unless you edit a copy of it.`);
  }

  const compiler = webpack(config);
  const server = new WebpackDevServer(
    {
      ...config.devServer,
      host: "localhost",
      port: listenPort,
      server: { type: "https", options: { ca: readFileSync(paths.ca), cert: readFileSync(paths.cert), key: readFileSync(paths.key) } },
      setupExitSignals: false, // we stop on our own terms and exit 0
      open: false,
    },
    compiler,
  );

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) {
      console.log(`Second ${signal}: stopping now.`);
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping the server...`);
    try {
      await server.stop();
      await new Promise((resolve) => compiler.close(resolve));
      console.log("Stopped.");
      process.exit(0);
    } catch (error) {
      console.error(`Could not stop cleanly: ${error.message}`);
      process.exit(1);
    }
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  await server.start();
  console.log(sideloadHelp(`https://localhost:${listenPort}/`, paths));
}

main().catch((error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
