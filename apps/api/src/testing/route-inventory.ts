import { NestExpressApplication } from '@nestjs/platform-express';

export interface RouteInfo {
  method: string;
  path: string;
  params: string[];
}

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route the running app answers, read from Express itself (so new routes appear automatically). */
export function listRoutes(app: NestExpressApplication): RouteInfo[] {
  const express = app.getHttpAdapter().getInstance() as unknown as { router: { stack: ExpressLayer[] } };
  return express.router.stack
    .filter((layer): layer is Required<ExpressLayer> => layer.route !== undefined)
    .flatMap((layer) =>
      Object.keys(layer.route.methods)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
        .map((method) => ({
          method: method.toUpperCase(),
          path: layer.route.path,
          params: [...layer.route.path.matchAll(/:(\w+)/g)].map((m) => m[1]),
        })),
    )
    // Nest's own catch-all ({*path}) only produces the 404 problem.
    .filter((route) => route.path.startsWith('/api/v1/') && !route.path.includes('{*'));
}
