import { Module } from '@nestjs/common';
import { RecordErrorsController } from './record-errors.controller';
import { RecordErrorsService } from './record-errors.service';

@Module({ controllers: [RecordErrorsController], providers: [RecordErrorsService], exports: [RecordErrorsService] })
export class ErrorsModule {}
