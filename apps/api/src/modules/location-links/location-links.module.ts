import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections/connections.module';
import { LocationLinksController } from './location-links.controller';
import { LocationLinksService } from './location-links.service';

@Module({ imports: [ConnectionsModule], controllers: [LocationLinksController], providers: [LocationLinksService], exports: [LocationLinksService] })
export class LocationLinksModule {}
