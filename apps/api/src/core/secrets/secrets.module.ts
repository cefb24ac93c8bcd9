import { DynamicModule, Global, Module } from '@nestjs/common';
import { MasterKeys } from './master-keys';
import { SecretVault } from './secret-vault';

@Global()
@Module({})
export class SecretsModule {
  static forMasterKeys(masterKeys: MasterKeys): DynamicModule {
    return { module: SecretsModule, providers: [{ provide: SecretVault, useValue: new SecretVault(masterKeys) }], exports: [SecretVault] };
  }
}
