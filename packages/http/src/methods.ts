import express, { type Request, type Router } from 'express';
import type { Route } from './define';
import { HttpProblem } from './problem';

/**
 * Mounted after the routes: a request that no route answered but whose path some route knows gets
 * 405 with `Allow` naming the methods that path takes (an OPTIONS request gets the list with 204)
 * instead of the 404 of an unknown path. Paths are matched as Express matches the routes, so
 * `/items/:id` and `/items/export` both count for `/items/export`.
 */
export function methodNotAllowed(routes: readonly Route[]): Router {
  const methodsByPath = new Map<string, Set<string>>();
  for (const route of routes) {
    const methods = methodsByPath.get(route.path) ?? new Set<string>();
    methods.add(route.method.toUpperCase());
    // Express answers HEAD with the GET route.
    if (route.method === 'get') methods.add('HEAD');
    methodsByPath.set(route.path, methods);
  }
  const allowed = new WeakMap<Request, Set<string>>();
  const router = express.Router();
  for (const [path, methods] of methodsByPath) {
    router.all(path, (req, _res, next) => {
      const known = allowed.get(req) ?? new Set<string>(['OPTIONS']);
      for (const m of methods) known.add(m);
      allowed.set(req, known);
      next();
    });
  }
  router.use((req, res, next) => {
    const known = allowed.get(req);
    if (!known) {
      next();
      return;
    }
    const allow = ORDER.filter((m) => known.has(m)).join(', ');
    if (req.method === 'OPTIONS') {
      res.setHeader('Allow', allow);
      res.status(204).end();
      return;
    }
    throw new HttpProblem(405, `${req.originalUrl.split('?')[0]} 不支持 ${req.method} 方法，可用：${allow}`, {
      headers: { Allow: allow },
    });
  });
  return router;
}

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
