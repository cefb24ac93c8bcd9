import { Global, Module } from '@nestjs/common';
import { DbContextRunner } from './db-context-runner';

@Global()
@Module({ providers: [DbContextRunner], exports: [DbContextRunner] })
export class TenancyModule {}
