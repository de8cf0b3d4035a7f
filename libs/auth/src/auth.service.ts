import { Injectable } from '@nestjs/common';
import { AuditService } from '@pilar/audit';
import { AppConfig, RequestContext } from '@pilar/core';
import { DataSource } from 'typeorm';
import { AccessTokenClaims, AuthUser } from './auth-user';
import { InvalidCredentials, InvalidRefreshToken } from './auth.errors';
import { LoginThrottleService } from './login-throttle.service';
import { verifyPassword } from './password';
import { IssuedTokens, TokensService } from './tokens.service';
import { User } from './user.entity';
import { WilayahScope } from './wilayah-scope';

export interface SignedIn extends IssuedTokens {
  user: User;
}

/** Sign-in, token refresh and sign-out; every outcome is audited. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<SignedIn> {
    const ip = RequestContext.current()?.ip ?? 'unknown';
    await this.throttle.assertAllowed(username, ip);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
    const ok = await verifyPassword(user?.active ? user.passwordHash : null, password);
    if (!user || !ok) {
      await this.throttle.recordFailure(username, ip);
      await this.audit.record(null, {
        action: 'auth.login.failed',
        entity: 'user',
        entityId: user?.id ?? 'unknown',
        actor: { id: user?.id ?? null, role: user?.role ?? null },
      });
      throw new InvalidCredentials();
    }
    await this.throttle.recordSuccess(username, ip);
    return this.dataSource.transaction(async (m) => {
      const tokens = await this.tokens.issue(m, user);
      await this.audit.record(m, {
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        actor: { id: user.id, role: user.role },
      });
      return { ...tokens, user };
    });
  }

  async refresh(refreshToken: string): Promise<SignedIn> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const { token, reused } = await this.tokens.consume(m, refreshToken);
      const user = await m.findOneBy(User, { id: token.userId });
      if (reused) {
        await this.audit.record(m, {
          action: 'auth.refresh.reuse-detected',
          entity: 'user',
          entityId: token.userId,
          changes: { familyId: { before: token.familyId, after: 'revoked' } },
          actor: { id: token.userId, role: user?.role ?? null },
        });
        return null;
      }
      if (!user?.active) throw new InvalidRefreshToken();
      const tokens = await this.tokens.issue(m, user, token.familyId);
      await this.audit.record(m, {
        action: 'auth.refresh',
        entity: 'user',
        entityId: user.id,
        actor: { id: user.id, role: user.role },
      });
      return { ...tokens, user };
    });
    // The revocation above must commit, so the refusal comes after the transaction.
    if (!outcome)
      throw new InvalidRefreshToken(
        'This refresh token was already used; all sessions of its family are revoked.',
      );
    return outcome;
  }

  /** Revokes the family of `refreshToken` when it belongs to the caller. */
  async logout(caller: AuthUser, refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const token = await this.tokens.find(m, refreshToken);
      if (!token || token.userId !== caller.id) throw new InvalidRefreshToken();
      await this.tokens.revokeFamily(m, token.familyId);
      await this.audit.record(m, { action: 'auth.logout', entity: 'user', entityId: caller.id });
    });
  }

  /** The caller behind an access token, or null when the token is invalid or expired. */
  async authenticate(accessToken: string): Promise<AuthUser | null> {
    const claims: AccessTokenClaims | null = await this.tokens.verifyAccess(accessToken);
    if (!claims) return null;
    const user = { role: claims.role, wilayahKode: claims.wil };
    return {
      id: claims.sub,
      username: claims.usr,
      role: claims.role,
      wilayahKode: claims.wil,
      scope: WilayahScope.of(user, this.config.agency.kabupatenKode),
    };
  }
}
