import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WilayahModule } from '@pilar/wilayah';
import { AccessGuard } from './access.guard';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { RefreshToken } from './refresh-token.entity';
import { RouteAccessCheck } from './route-access.check';
import { TokensService } from './tokens.service';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, RefreshToken]),
    JwtModule.register({}),
    DiscoveryModule,
    WilayahModule,
  ],
  providers: [
    AuthService,
    TokensService,
    UsersService,
    LoginThrottleService,
    AccessGuard,
    RouteAccessCheck,
  ],
  exports: [AuthService, UsersService, AccessGuard],
})
export class AuthModule {}
