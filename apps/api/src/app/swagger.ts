import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_HEADER, SESSION_COOKIE } from '@autobuy/contracts';

/** OpenAPI generated from the controllers and DTOs: UI at /api/docs, JSON at /api/docs-json. */
export function setUpSwagger(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Autobuy API')
    .setDescription(
      'Push shop orders in and read purchase states out. Integrators send an API key in the ' +
        'X-Api-Key header; the admin uses a login session cookie. Errors are ' +
        '{code, message, details?}.',
    )
    .setVersion('1')
    .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER }, 'apiKey')
    .addCookieAuth(
      SESSION_COOKIE,
      { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
      'session',
    )
    .addSecurityRequirements('apiKey')
    .addSecurityRequirements('session')
    .build();

  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'api/docs-json',
  });
}
