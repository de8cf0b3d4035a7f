import { Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';

/** Provides the validated AppConfig; the app refuses to boot when it is invalid. */
@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => AppConfig.load() }],
  exports: [AppConfig],
})
export class ConfigModule {}
