import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ALL_ROLES,
  AuthService,
  AuthUser,
  CurrentUser,
  Public,
  Roles,
  UsersService,
} from '@pilar/auth';
import { toUserResponse, UserResponse } from '../users/dto/user.response';
import { LoginDto, RefreshDto } from './dto/login.dto';
import { toTokensResponse, TokensResponse } from './dto/tokens.response';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokensResponse })
  async login(@Body() dto: LoginDto): Promise<TokensResponse> {
    return toTokensResponse(await this.auth.login(dto.username, dto.password));
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokensResponse })
  async refresh(@Body() dto: RefreshDto): Promise<TokensResponse> {
    return toTokensResponse(await this.auth.refresh(dto.refreshToken));
  }

  @Roles(...ALL_ROLES)
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(@CurrentUser() user: AuthUser, @Body() dto: RefreshDto): Promise<void> {
    await this.auth.logout(user, dto.refreshToken);
  }

  @Roles(...ALL_ROLES)
  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserResponse })
  async me(@CurrentUser() user: AuthUser): Promise<UserResponse> {
    return toUserResponse(await this.users.get(user.id));
  }
}
