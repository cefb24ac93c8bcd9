import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ScheduleTick } from './schedule-tick';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';

@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [SchedulesController],
  providers: [SchedulesService, ScheduleTick],
  exports: [ScheduleTick, SchedulesService],
})
export class SchedulesModule {}
