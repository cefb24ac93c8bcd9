import { Module } from '@nestjs/common';
import { PassThroughOrdersController } from './pass-through-orders.controller';
import { PassThroughOrdersService } from './pass-through-orders.service';

@Module({ controllers: [PassThroughOrdersController], providers: [PassThroughOrdersService] })
export class PassThroughOrdersModule {}
