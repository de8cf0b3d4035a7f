import { ApiProperty } from '@nestjs/swagger';
import { Role, User } from '@pilar/auth';

export class UserResponse {
  @ApiProperty({ description: 'User id.', example: '5f1c1b7e-2f7a-4c55-9c53-1c7d5b8f0a11' })
  id: string;

  @ApiProperty({ description: 'Username.', example: 'tksk.paringin' })
  username: string;

  @ApiProperty({ description: 'Full name.', example: 'Siti Rahmah' })
  name: string;

  @ApiProperty({ description: 'Role.', enum: Role, example: Role.Tksk })
  role: Role;

  @ApiProperty({
    description: 'Kecamatan (TKSK) or desa (PSM) code; null for other roles.',
    example: '63.11.06',
    nullable: true,
    type: String,
  })
  wilayahKode: string | null;

  @ApiProperty({ description: 'Whether the account may sign in.', example: true })
  active: boolean;

  @ApiProperty({
    description: 'Optimistic-lock version; send it back when changing the user.',
    example: 1,
  })
  version: number;
}

export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    role: user.role,
    wilayahKode: user.wilayahKode,
    active: user.active,
    version: user.version,
  };
}
