import { type INestApplication, type INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { DataSource } from 'typeorm';

import { firstAdminBanner } from '../auth/first-admin';
import { type AppConfig, isPostgres } from '../config/app-config';
import { createDataSource } from '../database/data-source';
import { StartupService, type StartupReport } from '../seed/startup.service';
import { serveAdmin } from './admin-static';
import { guardDocs } from './docs-guard';
import { AppModule } from './app.module';
import { setUpSwagger } from './swagger';

export const API_PREFIX = 'api/v1';

export interface BootstrapOptions {
  /** Where the first-start box goes; the console unless a test captures it. */
  output?: (text: string) => void;
}

export interface RunningApp {
  app: INestApplication | INestApplicationContext;
  /** Base URL of the HTTP server; null for the worker role. */
  url: string | null;
  dataSource: DataSource;
  startup: StartupReport;
  close(): Promise<void>;
}

/** Opens the database and brings its schema up to date; tells whether it was a fresh install. */
export async function openDatabase(
  config: AppConfig,
): Promise<{ dataSource: DataSource; fresh: boolean }> {
  const dataSource = createDataSource(config);
  await dataSource.initialize();

  try {
    const runner = dataSource.createQueryRunner();
    const fresh = !(await runner.hasTable('migrations'));
    await runner.release();
    await dataSource.runMigrations({ transaction: 'each' });

    return { dataSource, fresh };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}

/** The HTTP application, initialised but not listening: tests may use it in-process. */
export async function createApp(
  config: AppConfig,
): Promise<{ app: NestExpressApplication; dataSource: DataSource; startup: StartupReport }> {
  const { dataSource, fresh } = await openDatabase(config);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register(config, dataSource),
    { logger: config.logLevels, bodyParser: false, abortOnError: false },
  );

  app.useBodyParser('json', { limit: '2mb' });
  app.use(cookieParser());
  if (config.corsOrigins.length > 0) {
    app.enableCors({ origin: config.corsOrigins, credentials: true });
  }
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();
  guardDocs(app, '/api/docs');
  setUpSwagger(app);
  serveAdmin(app, config.adminDist);
  await app.init();

  const startup = await app.get(StartupService).run(fresh, !isPostgres(config));

  return { app, dataSource, startup };
}

/** Starts the process's role: HTTP API (all, api) or background work only (worker). */
export async function bootstrap(
  config: AppConfig,
  options: BootstrapOptions = {},
): Promise<RunningApp> {
  const output = options.output ?? ((text: string) => process.stdout.write(text));
  const logger = new Logger('Autobuy');

  if (config.role === 'worker') {
    const { dataSource } = await openDatabase(config);
    const context = await NestFactory.createApplicationContext(
      AppModule.register(config, dataSource),
      { logger: config.logLevels },
    );
    context.enableShutdownHooks();
    const startup = await context.get(StartupService).run(false, !isPostgres(config));
    logger.log('Worker started: it runs activities, session checks, sync and webhook deliveries');
    // Without Redis nothing else may hold the event loop; this keeps the worker up until stopped.
    const keepAlive = setInterval(() => undefined, 60_000);

    return {
      app: context,
      url: null,
      dataSource,
      startup,
      close: async () => {
        clearInterval(keepAlive);
        await context.close();
      },
    };
  }

  const { app, dataSource, startup } = await createApp(config);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  if (startup.firstAdmin.created) {
    output(firstAdminBanner(startup.firstAdmin, url));
  }
  logger.log(`Autobuy ${config.role === 'all' ? '' : `(${config.role}) `}listens on ${url}`);

  return { app, url, dataSource, startup, close: () => app.close() };
}
