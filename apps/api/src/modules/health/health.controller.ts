import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { LiveHealth } from '@ferry/contracts';
import { DataSource } from 'typeorm';
import { Public } from '../../core/auth/access-rule';
import { FerryConfig } from '../../core/config/ferry-config';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: FerryConfig,
  ) {}

  @Get('live')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers; says whether it is the `npm start` demo' })
  live(): LiveHealth {
    return { status: 'ok', demoMode: this.config.FERRY_DEMO_MODE };
  }

  @Get('ready')
  @Public()
  @ApiOperation({ summary: 'Readiness: the database answers' })
  async ready(): Promise<{ status: 'ok'; database: 'ok' }> {
    try {
      // Touches no table: readiness needs no tenant context.
      await this.dataSource.query('select 1');
    } catch {
      throw new ServiceUnavailableException('The database does not answer.');
    }
    return { status: 'ok', database: 'ok' };
  }
}
