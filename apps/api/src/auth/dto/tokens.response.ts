import { ApiProperty } from '@nestjs/swagger';
import { SignedIn } from '@pilar/auth';
import { toUserResponse, UserResponse } from '../../users/dto/user.response';

export class TokensResponse {
  @ApiProperty({
    description: 'JWT for the Authorization: Bearer header.',
    example: 'eyJhbGciOiJIUzI1NiJ9...',
  })
  accessToken: string;

  @ApiProperty({
    description: 'Opaque token for POST /auth/refresh; single use.',
    example: 'q0w9e8r7t6y5u4i3o2p1...',
  })
  refreshToken: string;

  @ApiProperty({ description: 'Seconds until the access token expires.', example: 900 })
  expiresIn: number;

  @ApiProperty({ type: UserResponse })
  user: UserResponse;
}

export function toTokensResponse(s: SignedIn): TokensResponse {
  return {
    accessToken: s.accessToken,
    refreshToken: s.refreshToken,
    expiresIn: s.expiresIn,
    user: toUserResponse(s.user),
  };
}
