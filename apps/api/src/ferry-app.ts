import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { FerryConfig } from './core/config/ferry-config';
import { configureHttp } from './core/http/configure-http';
import { MasterKeys } from './core/secrets/master-keys';

/** The HTTP API (roles `api` and `all`), configured exactly as in production; tests use this too. */
export async function createHttpApp(config: FerryConfig, appDatabaseUrl: string, masterKeys: MasterKeys): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ config, appDatabaseUrl, masterKeys }), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  configureHttp(app, config.FERRY_ADMIN_DIST);
  return app;
}

/** The worker role: no HTTP listener. Queue consumers and the scheduler tick attach here (issue 7). */
export async function createWorkerContext(config: FerryConfig, appDatabaseUrl: string, masterKeys: MasterKeys): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.register({ config, appDatabaseUrl, masterKeys }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
