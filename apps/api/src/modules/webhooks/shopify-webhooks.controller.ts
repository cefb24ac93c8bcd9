import { Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiExcludeEndpoint } from '@nestjs/swagger';
import { verifyShopifyWebhook } from '@ferry/shopify';
import { isUUID } from 'class-validator';
import { Public } from '../../core/auth/access-rule';
import { RequestWithRawBody } from '../../core/http/configure-http';
import { problems } from '../../core/http/problem';
import { ShopifyWebhooksService } from './shopify-webhooks.service';

/**
 * Shopify webhook deliveries, one URL per tenant. Public (Shopify signs instead of
 * authenticating): the HMAC over the raw body is the authentication; a bad one is a 401
 * and nothing is stored.
 */
@Controller('webhooks/shopify')
export class ShopifyWebhooksController {
  constructor(private readonly webhooks: ShopifyWebhooksService) {}

  @Post(':tenantId')
  @Public()
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async receive(@Param('tenantId') tenantId: string, @Req() request: RequestWithRawBody): Promise<{ received: true; duplicate: boolean }> {
    const refuse = problems.unauthenticated('Webhook signature invalid.');
    if (!isUUID(tenantId) || !request.rawBody) throw refuse;
    const secrets = await this.webhooks.secretsOf(tenantId);
    const verification = verifyShopifyWebhook(request.rawBody, request.headers, secrets);
    if (!verification.valid) throw refuse;
    const duplicate = await this.webhooks.accept(tenantId, verification.webhook);
    return { received: true, duplicate };
  }
}
