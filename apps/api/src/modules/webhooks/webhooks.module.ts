import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections/connections.module';
import { ShopifyWebhooksController } from './shopify-webhooks.controller';
import { ShopifyWebhooksService } from './shopify-webhooks.service';

@Module({ imports: [ConnectionsModule], controllers: [ShopifyWebhooksController], providers: [ShopifyWebhooksService] })
export class WebhooksModule {}
