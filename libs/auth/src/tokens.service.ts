import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@pilar/core';
import { EntityManager, IsNull } from 'typeorm';
import { AccessTokenClaims } from './auth-user';
import { InvalidRefreshToken } from './auth.errors';
import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Access tokens whose verification is remembered: a few per active user, bounded. */
const MAX_VERIFIED_TOKENS = 10_000;

type VerifiedClaims = AccessTokenClaims & { exp: number };

/** jsonwebtoken's rule: a token is expired from the second its `exp` names. */
const isUnexpired = (claims: VerifiedClaims): boolean => Math.floor(Date.now() / 1000) < claims.exp;

/** Signs access tokens and keeps the rotating refresh-token families. */
@Injectable()
export class TokensService {
  private readonly verified = new Map<string, VerifiedClaims>();

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  private hashOf(token: string): string {
    return createHmac('sha256', this.config.jwt.refreshSecret).update(token).digest('hex');
  }

  async issue(
    m: EntityManager,
    user: User,
    familyId: string = randomUUID(),
  ): Promise<IssuedTokens> {
    const { accessTtl, refreshTtl } = this.config.jwt;
    const claims: AccessTokenClaims = {
      sub: user.id,
      usr: user.username,
      role: user.role,
      wil: user.wilayahKode,
    };
    const accessToken = await this.jwt.signAsync(claims);
    const refreshToken = randomBytes(32).toString('base64url');
    await m.insert(RefreshToken, {
      id: randomUUID(),
      userId: user.id,
      familyId,
      tokenHash: this.hashOf(refreshToken),
      expiresAt: new Date(Date.now() + refreshTtl * 1000),
      createdAt: new Date(),
    });
    return { accessToken, refreshToken, expiresIn: accessTtl };
  }

  /**
   * The claims of a valid, unexpired access token, else null. A client sends the same token on
   * every request until it expires, and a token that verified once always verifies again (it
   * carries no revocable state), so its claims are kept and only its expiry is checked again.
   */
  async verifyAccess(token: string): Promise<AccessTokenClaims | null> {
    const known = this.verified.get(token);
    if (known) return isUnexpired(known) ? known : null;
    try {
      const claims = await this.jwt.verifyAsync<VerifiedClaims>(token);
      if (this.verified.size >= MAX_VERIFIED_TOKENS) this.verified.clear();
      this.verified.set(token, claims);
      return claims;
    } catch {
      return null;
    }
  }

  /**
   * Consumes a refresh token (row-locked, so two concurrent refreshes cannot both succeed).
   * A token that was already used is a replay: the family is revoked and `reused` is set.
   */
  async consume(
    m: EntityManager,
    refreshToken: string,
  ): Promise<{ token: RefreshToken; reused: boolean }> {
    const token = await m.findOne(RefreshToken, {
      where: { tokenHash: this.hashOf(refreshToken) },
      lock: { mode: 'pessimistic_write' },
    });
    if (!token || token.revokedAt) throw new InvalidRefreshToken();
    if (token.usedAt) {
      await this.revokeFamily(m, token.familyId);
      return { token, reused: true };
    }
    if (token.expiresAt.getTime() <= Date.now()) throw new InvalidRefreshToken();
    await m.update(RefreshToken, token.id, { usedAt: new Date() });
    return { token, reused: false };
  }

  async find(m: EntityManager, refreshToken: string): Promise<RefreshToken | null> {
    return m.findOneBy(RefreshToken, { tokenHash: this.hashOf(refreshToken) });
  }

  async revokeFamily(m: EntityManager, familyId: string): Promise<void> {
    await m.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllOf(m: EntityManager, userId: string): Promise<void> {
    await m.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
