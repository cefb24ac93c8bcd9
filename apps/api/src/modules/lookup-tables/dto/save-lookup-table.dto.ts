import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LookupRow, SaveLookupTableRequest } from '@ferry/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';

export const MAX_LOOKUP_ROWS = 10_000;

export class LookupRowDto implements LookupRow {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(200)
  key!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(200)
  value!: string;
}

export class SaveLookupTableDto implements SaveLookupTableRequest {
  @ApiProperty({ example: 'ship_via' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,62}$/, { message: 'must be lower-case letters, digits and underscores, starting with a letter' })
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiProperty({ type: [LookupRowDto] })
  @IsArray()
  @ArrayMaxSize(MAX_LOOKUP_ROWS)
  @ValidateNested({ each: true })
  @Type(() => LookupRowDto)
  rows!: LookupRowDto[];
}
