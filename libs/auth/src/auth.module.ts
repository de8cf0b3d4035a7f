import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@pilar/core';
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
    // A KeyObject made once: given a string, jsonwebtoken rebuilds a key on every verify (it
    // showed as ~18 % of the API's CPU per request). HS256 only, in both directions.
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwt.accessSecret)),
        signOptions: { algorithm: 'HS256', expiresIn: config.jwt.accessTtl },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
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
