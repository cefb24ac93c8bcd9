import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

/**
 * The application's connection: the non-owner role, entities registered by each feature
 * module, never `synchronize` (the schema comes from migrations only).
 */
@Module({})
export class DatabaseModule {
  static forUrl(appUrl: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          type: 'postgres',
          url: appUrl,
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          extra: { max: 20, application_name: 'ferry' },
        }),
      ],
    };
  }
}
