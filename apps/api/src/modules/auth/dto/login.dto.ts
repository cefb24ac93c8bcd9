import { ApiProperty } from '@nestjs/swagger';
import { LoginRequest } from '@ferry/contracts';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'operator@example.com' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(1024)
  password!: string;
}
