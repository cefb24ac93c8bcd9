import { ApiProperty } from '@nestjs/swagger';
import { OrderFilters } from '@ferry/contracts';
import { ArrayMaxSize, IsArray, IsBoolean, IsString, MaxLength } from 'class-validator';

export class OrderFiltersDto implements OrderFilters {
  @ApiProperty()
  @IsBoolean()
  skipTestOrders!: boolean;

  @ApiProperty()
  @IsBoolean()
  skipCancelled!: boolean;

  @ApiProperty()
  @IsBoolean()
  skipUnpaid!: boolean;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  skipTags!: string[];
}
