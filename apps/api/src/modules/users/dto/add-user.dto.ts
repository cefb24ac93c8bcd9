import { ApiProperty } from '@nestjs/swagger';
import { AddUserRequest, TENANT_ROLES, TenantRole } from '@ferry/contracts';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';

export class AddUserDto implements AddUserRequest {
  @ApiProperty({ example: 'dana@example.com' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Dana Smith' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: TENANT_ROLES })
  @IsIn(TENANT_ROLES, { message: `must be one of ${TENANT_ROLES.join(', ')}` })
  role!: TenantRole;
}
