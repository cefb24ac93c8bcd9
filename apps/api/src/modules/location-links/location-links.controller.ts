import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { LocationLinksResponse, SaveLocationLinksRequest } from '@ferry/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { RequireScope } from '../../core/auth/access-rule';
import { CurrentTenant } from '../../core/auth/current-tenant.decorator';
import { TenantContext } from '../../core/tenancy/tenant-context';
import { LocationLinksService } from './location-links.service';

class LocationLinkDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  locationId!: string;

  @ApiProperty({ nullable: true, type: String })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(3, { message: 'must be at most 3 characters (Sage 100 WarehouseCode)' })
  warehouseCode!: string | null;
}

class SaveLocationLinksDto implements SaveLocationLinksRequest {
  @ApiProperty({ type: [LocationLinkDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => LocationLinkDto)
  links!: LocationLinkDto[];
}

@ApiTags('location-links')
@Controller('location-links')
export class LocationLinksController {
  constructor(private readonly links: LocationLinksService) {}

  @Get()
  @RequireScope('connections:read')
  @ApiOperation({ summary: 'Shopify locations with their ERP warehouses (saved or suggested by name), and what is unmatched' })
  get(@CurrentTenant() tenant: TenantContext): Promise<LocationLinksResponse> {
    return this.links.get(tenant);
  }

  @Put()
  @RequireScope('connections:write')
  @ApiOperation({ summary: 'Save location ↔ warehouse links (null unlinks)' })
  save(@CurrentTenant() tenant: TenantContext, @Body() body: SaveLocationLinksDto): Promise<LocationLinksResponse> {
    return this.links.save(tenant, body);
  }
}
