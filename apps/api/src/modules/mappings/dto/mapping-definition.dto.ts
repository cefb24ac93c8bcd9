import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { FLOWS, Flow } from '@ferry/contracts';

class FieldRuleDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  target!: string;

  @IsString()
  @MaxLength(20_000)
  expression!: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

class LookupRowDto {
  @IsString()
  @MaxLength(200)
  key!: string;

  @IsString()
  @MaxLength(200)
  value!: string;
}

class LookupTableDto {
  @IsString()
  @MinLength(1)
  @MaxLength(63)
  name!: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;

  @IsOptional()
  @IsBoolean()
  ignoreCase?: boolean;

  @IsArray()
  @ArrayMaxSize(10_000)
  @ValidateNested({ each: true })
  @Type(() => LookupRowDto)
  rows!: LookupRowDto[];
}

class TestCaseDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsDefined()
  input!: unknown;

  @IsOptional()
  @IsObject()
  context?: Record<string, unknown>;

  @IsDefined()
  expected!: unknown;
}

/** A mapping file's shape (a MappingDefinition): checked before anything compiles it. */
export class MappingDefinitionDto {
  @IsIn(FLOWS)
  flow!: Flow;

  @IsString()
  @MaxLength(100)
  targetSchemaId!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  erpProfileId?: string;

  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => FieldRuleDto)
  fieldRules!: FieldRuleDto[];

  @IsOptional()
  @IsString()
  @MaxLength(50_000)
  documentExpression?: string;

  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => LookupTableDto)
  lookupTables!: LookupTableDto[];

  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TestCaseDto)
  testCases!: TestCaseDto[];
}
