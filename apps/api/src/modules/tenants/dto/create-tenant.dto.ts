import { ApiProperty } from '@nestjs/swagger';
import { CreateTenantRequest } from '@ferry/contracts';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateTenantDto implements CreateTenantRequest {
  @ApiProperty({ example: 'Acme Outdoor' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'acme-outdoor', pattern: '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, { message: 'must be 3–40 lower-case letters, digits or dashes, not starting or ending with a dash' })
  slug!: string;
}
