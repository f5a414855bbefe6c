import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The console's static files: plain ES modules and CSS, no build step. */
export const CONSOLE_PUBLIC_DIR = join(here, '..', 'public');

export interface ConsoleUnit {
  code: string;
  name: string;
}

/** A process as the console needs it: its name for the inbox, its pages for the menu. */
export interface ConsoleProcess {
  name: string;
  label: string;
  console?: {
    dir: string;
    pages: readonly {
      key: string;
      title: string;
      module: string;
      render: string;
      roles: readonly string[];
      /** Outside users of these unit kinds see it (and only such pages) in their menu. */
      outside?: readonly string[];
    }[];
  };
}

export interface ConsoleRouterOptions {
  /** Bureau codes and names, served as /units.json so the console can name every unit. */
  units?: readonly ConsoleUnit[];
  /**
   * The processes, served as /processes.json; each one's console folder is served under
   * /processes/<name>/ so its pages load as modules without the shell knowing them.
   */
  processes?: readonly ConsoleProcess[];
}

/** Connect/Express middleware: calls `next()` for anything that is not the console's. */
export type ConsoleHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
};

function echartsFile(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('echarts/package.json')), 'dist', 'echarts.min.js');
}

/** The file a URL path names inside `root`, or null when it would leave it. */
function fileInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = normalize(join(root, decoded === '/' ? 'index.html' : decoded));
  return file.startsWith(root + sep) ? file : null;
}

const PROCESS_PATH = /^\/processes\/([a-z][a-z0-9-]*)(\/.*)$/;

/**
 * The web console (issue 6), to mount at `/` after the API: `index.html` and its modules,
 * `/vendor/echarts.min.js` from the echarts package, `/units.json`, `/processes.json` and each
 * process's own pages under `/processes/<name>/`. Only GET and HEAD; any
 * other path falls through to the host's 404.
 */
export function createConsoleRouter(options: ConsoleRouterOptions = {}): ConsoleHandler {
  const units = JSON.stringify({ units: (options.units ?? []).map(({ code, name }) => ({ code, name })) });
  const processes = options.processes ?? [];
  const consoleDirs = new Map(
    processes.flatMap((p) => (p.console ? [[p.name, p.console.dir] as const] : [])),
  );
  const manifest = JSON.stringify({
    processes: processes.map((p) => ({
      name: p.name,
      label: p.label,
      pages: (p.console?.pages ?? []).map((page) => ({
        ...page,
        module: `/processes/${p.name}/${page.module}`,
      })),
    })),
  });
  const echarts = echartsFile();
  const fileOf = (pathname: string): string | null => {
    if (pathname === '/vendor/echarts.min.js') return echarts;
    const own = PROCESS_PATH.exec(pathname);
    if (!own) return fileInside(CONSOLE_PUBLIC_DIR, pathname);
    const dir = consoleDirs.get(own[1]!);
    return dir ? fileInside(dir, own[2]!) : null;
  };

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const pathname = new URL(req.url ?? '/', 'http://console').pathname;
    if (pathname === '/units.json' || pathname === '/processes.json') {
      res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : pathname === '/units.json' ? units : manifest);
      return;
    }
    const file = fileOf(pathname);
    if (!file) return next();
    stat(file).then(
      (info) => {
        if (!info.isFile()) return next();
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-length': info.size,
          'cache-control': file === echarts ? 'public, max-age=86400' : 'no-cache',
        });
        if (req.method === 'HEAD') return void res.end();
        createReadStream(file).on('error', next).pipe(res);
      },
      () => next(),
    );
  };
}
