import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role } from '@pilar/auth';
import {
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const USERNAME = /^[a-z0-9._-]{3,64}$/;
const WILAYAH = /^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/;

export class CreateUserDto {
  @ApiProperty({
    description: 'Sign-in name: 3–64 lowercase letters, digits, . _ -.',
    example: 'tksk.paringin',
  })
  @Matches(USERNAME, { message: 'must be 3-64 lowercase letters, digits, . _ or -' })
  username: string;

  @ApiProperty({
    description: 'Initial password, at least 12 characters.',
    example: 'Paringin-2026-aman',
  })
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password: string;

  @ApiProperty({ description: 'Full name.', example: 'Siti Rahmah' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ description: 'Role.', enum: Role, example: Role.Tksk })
  @IsEnum(Role)
  role: Role;

  @ApiPropertyOptional({
    description: 'Kecamatan code (TKSK) or desa code (PSM); omit for other roles.',
    example: '63.11.06',
  })
  @IsOptional()
  @Matches(WILAYAH, { message: 'must be a kecamatan (63.11.06) or desa (63.11.06.2001) code' })
  wilayahKode?: string;
}

export class UpdateUserDto {
  @ApiProperty({ description: 'The version you read (optimistic locking).', example: 1 })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ description: 'Full name.', example: 'Siti Rahmah, S.Sos' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ description: 'Role.', enum: Role, example: Role.Psm })
  @IsOptional()
  @IsEnum(Role)
  role?: Role;

  @ApiPropertyOptional({
    description: 'Kecamatan/desa code, or null to clear.',
    example: '63.11.06.2001',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(WILAYAH, { message: 'must be a kecamatan (63.11.06) or desa (63.11.06.2001) code' })
  wilayahKode?: string | null;

  @ApiPropertyOptional({
    description: "New password (revokes the user's sessions).",
    example: 'Baru-2026-lebih-aman',
  })
  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(256)
  password?: string;

  @ApiPropertyOptional({
    description: 'false deactivates the account and revokes its sessions.',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
