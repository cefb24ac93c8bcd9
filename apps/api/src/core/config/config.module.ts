import { DynamicModule, Global, Module } from '@nestjs/common';
import { FerryConfig } from './ferry-config';

/** Makes the validated FerryConfig injectable by its class. */
@Global()
@Module({})
export class ConfigModule {
  static forConfig(config: FerryConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: FerryConfig, useValue: config }], exports: [FerryConfig] };
  }
}
