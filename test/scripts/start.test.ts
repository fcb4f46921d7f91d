// `npm start` on a fresh machine: a HOME with no certificates and no sudo. It must make its
// own certificates there, serve the add-in over HTTPS with the CSP, say how to sideload,
// and stop with exit code 0 on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { cspProblems } from "../build/csp";

const root = path.resolve(__dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "localhost", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(url: string, ca: Buffer): Promise<Response> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, timeout: 180_000 }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on("timeout", function (this: { destroy(e: Error): void }) {
        this.destroy(new Error(`timed out fetching ${url}`));
      })
      .on("error", reject);
  });
}

/** Resolves once `text` has appeared in the output; rejects if the process ends first. */
function waitForOutput(child: ChildProcess, output: () => string, text: string, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${ms / 1000} s; output:\n${output()}`)), ms);
    const check = () => {
      if (output().includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code} before printing "${text}"; output:\n${output()}`));
    });
    check();
  });
}

function exitOf(child: ChildProcess, ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    const timer = setTimeout(() => reject(new Error(`still running after ${ms / 1000} s`)), ms);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
  });
}

describe("npm start (scripts/start.mjs)", () => {
  let home: string;
  let child: ChildProcess | undefined;
  let output = "";
  let port: number;
  const certDir = () => path.join(home, ".office-addin-dev-certs");
  const ca = () => readFileSync(path.join(certDir(), "ca.crt"));

  beforeAll(async () => {
    home = mkdtempSync(path.join(os.tmpdir(), "planner-home-"));
    // What an interrupted earlier run leaves: a CA file that is no certificate, and nothing else.
    mkdirSync(certDir());
    writeFileSync(path.join(certDir(), "ca.crt"), "not a certificate");
    port = await freePort();
    child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
      cwd: root,
      env: { ...process.env, HOME: home, USERPROFILE: home, PORT: String(port), ADDIN_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.setEncoding("utf8");
    child.stderr!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => (output += chunk));
    child.stderr!.on("data", (chunk: string) => (output += chunk));
    await waitForOutput(child, () => output, "Press Ctrl-C to stop.", 180_000);
  }, 200_000);

  afterAll(() => {
    // Only if a test failed before stopping it.
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    rmSync(home, { recursive: true, force: true });
  });

  it("makes development certificates in the user's home, without sudo, replacing a broken set", () => {
    for (const file of ["ca.crt", "localhost.crt", "localhost.key"]) {
      expect({ file, exists: existsSync(path.join(certDir(), file)) }).toEqual({ file, exists: true });
    }
    const localhost = new X509Certificate(readFileSync(path.join(certDir(), "localhost.crt")));
    expect(localhost.checkIssued(new X509Certificate(ca()))).toBe(true);
    expect(localhost.checkHost("localhost")).toBe("localhost");
    expect(output).toContain(`import ${path.join(certDir(), "ca.crt")} in your browser again`);
  });

  it("tells how to sideload manifest.xml into Excel on the web and which CA to trust", () => {
    expect(output).toContain("Upload My Add-in");
    expect(output).toContain(path.join(root, "manifest.xml"));
    expect(output).toContain(path.join(certDir(), "ca.crt"));
    expect(output).toContain(`https://localhost:${port}/`);
  });

  it("serves the task pane over HTTPS, signed by that CA, with the Content-Security-Policy header", async () => {
    const page = await get(`https://localhost:${port}/taskpane.html`, ca());
    expect(page.status).toBe(200);
    const policy = page.headers["content-security-policy"];
    expect(typeof policy).toBe("string");
    expect(cspProblems(policy as string)).toEqual([]);
    expect(page.body).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  }, 240_000);

  it("answers the bare address with the task pane, not Cannot GET /", async () => {
    const [home, pane] = [await get(`https://localhost:${port}/`, ca()), await get(`https://localhost:${port}/taskpane.html`, ca())];
    expect(home.status).toBe(200);
    expect(home.headers["content-type"]).toMatch(/^text\/html/);
    expect(home.body).not.toContain("Cannot GET");
    expect(home.body).toBe(pane.body);
    expect(cspProblems(home.headers["content-security-policy"] as string)).toEqual([]);
  }, 240_000);

  it("serves functions.json and development bundles without eval", async () => {
    const metadata = await get(`https://localhost:${port}/functions.json`, ca());
    expect(metadata.status).toBe(200);
    expect(JSON.parse(metadata.body).functions.length).toBeGreaterThan(0);
    for (const bundle of ["functions.js", "taskpane.js"]) {
      const code = await get(`https://localhost:${port}/${bundle}`, ca());
      expect({ bundle, status: code.status }).toEqual({ bundle, status: 200 });
      expect({ bundle, evalLike: /\beval\s*\(|\bnew\s+Function\b/.test(code.body) }).toEqual({ bundle, evalLike: false });
    }
  }, 240_000);

  it("stops on Ctrl-C (SIGINT) with exit code 0", async () => {
    child!.kill("SIGINT");
    expect(await exitOf(child!, 60_000)).toEqual({ code: 0, signal: null });
  }, 90_000);
});

describe("npm start on a taken port", () => {
  it("says the port is in use and how to pick another, and exits 1", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "localhost", () => resolve()));
    const { port } = blocker.address() as net.AddressInfo;
    const home = mkdtempSync(path.join(os.tmpdir(), "planner-home-"));
    try {
      const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
        cwd: root,
        env: { ...process.env, HOME: home, USERPROFILE: home, PORT: String(port), ADDIN_URL: "" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exit = await exitOf(child, 60_000).catch((error) => {
        child.kill("SIGKILL");
        throw error;
      });
      expect(exit).toEqual({ code: 1, signal: null });
      expect(output).toContain(`port ${port} is in use`);
      expect(output).toContain("PORT=");
    } finally {
      blocker.close();
      rmSync(home, { recursive: true, force: true });
    }
  }, 90_000);
});
