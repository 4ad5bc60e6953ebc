/** A static file server on 127.0.0.1 that serves a built site under a sub-path, like a static host. */
import {createServer, type Server} from "node:http";
import {existsSync, readFileSync, statSync} from "node:fs";
import {extname, join, normalize} from "node:path";
import type {AddressInfo} from "node:net";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2"
};

export interface Served {
  /** The site's root URL, ending in a slash. */
  url: string;
  close(): Promise<void>;
}

/** Maps a clean URL (/fitness/model, /fitness/) to its file, as Framework's deploy targets do. */
function resolveFile(root: string, pathname: string): string | null {
  const path = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, "");
  const candidates = path.endsWith("/") ? [join(root, path, "index.html")] : [join(root, path), join(root, `${path}.html`)];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile()) ?? null;
}

export async function serveSite(root: string, basePath = "/"): Promise<Served> {
  const server: Server = createServer((request, response) => {
    const {pathname} = new URL(request.url ?? "/", "http://127.0.0.1");
    const file = pathname.startsWith(basePath) ? resolveFile(root, `/${pathname.slice(basePath.length)}`) : null;
    if (!file) {
      response.writeHead(404, {"content-type": "text/plain"}).end(`not found: ${pathname}`);
      return;
    }
    response.writeHead(200, {"content-type": types[extname(file)] ?? "application/octet-stream"}).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const {port} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () => new Promise((resolve) => server.close(() => resolve()))
  };
}
