import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { problems } from './problem';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation.pipe';

export const API_PREFIX = 'api/v1';

export interface RequestWithRawBody extends express.Request {
  rawBody?: Buffer;
}

/** Everything HTTP-wide: prefix, validation, problem details, cookies, OpenAPI, the admin. */
export function configureHttp(app: NestExpressApplication, adminDist: string | null): void {
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'docs', method: RequestMethod.ALL }] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.use(cookieParser());
  // Our own JSON parser (Nest's is off, see ferry-app.ts), so a malformed body gets a clear problem.
  app.use(
    express.json({
      limit: '1mb',
      // Webhook signatures are computed over the bytes as sent: keep them next to the parsed body.
      verify: (req, _res, buffer) => {
        (req as RequestWithRawBody).rawBody = Buffer.from(buffer);
      },
    }),
  );
  // CSV uploads (lookup tables) arrive as text.
  app.use(express.text({ type: 'text/csv', limit: '5mb' }));
  app.use((error: unknown, _req: express.Request, _res: express.Response, next: express.NextFunction) =>
    next(isParseFailure(error) ? problems.badRequest('The request body is not valid JSON.') : error),
  );
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  setUpOpenApi(app);
  if (adminDist) serveAdmin(app, adminDist);
}

function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ferry API')
      .setDescription('Shopify ⇄ CIMcloud/ERP integration platform. Authenticate with the session cookie (admin) or `Authorization: Bearer fry_…` (API keys).')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Tenant API key' })
      .addCookieAuth('ferry_session')
      .addGlobalParameters({ name: 'x-ferry-tenant', in: 'header', required: false, description: 'Tenant to act in (sessions; API keys imply it)' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/** Serves the built admin on the same origin, with the SPA's index.html for its client-side routes. */
function serveAdmin(app: NestExpressApplication, adminDist: string): void {
  const root = resolve(adminDist);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return;
  app.use(express.static(root, { index: false, maxAge: '1h' }));
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api/')) return next();
    res.sendFile(index);
  });
}

function isParseFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { type?: unknown }).type === 'entity.parse.failed';
}
