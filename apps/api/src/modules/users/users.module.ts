import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembershipEntity } from './membership.entity';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [TypeOrmModule.forFeature([UserEntity, MembershipEntity])], controllers: [UsersController], providers: [UsersService] })
export class UsersModule {}
