import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../../core/auth/access-rule';
import { sameBytes, sha256 } from '../../core/auth/secret-token';
import { FerryConfig } from '../../core/config/ferry-config';
import { problems } from '../../core/http/problem';
import { MetricsService } from './metrics.service';

/** Prometheus scrape endpoint. Authenticated by METRICS_TOKEN (a scraper is no person or tenant). */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly config: FerryConfig,
  ) {}

  @Get()
  @Public()
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(@Req() request: Request): Promise<string> {
    const expected = this.config.METRICS_TOKEN;
    const given = request.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    if (!expected || !sameBytes(sha256(given), sha256(expected))) throw problems.unauthenticated('Send "Authorization: Bearer <METRICS_TOKEN>".');
    return this.metrics.exposition();
  }
}
