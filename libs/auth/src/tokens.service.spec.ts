import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@pilar/core';
import { Role } from './role';
import { TokensService } from './tokens.service';

describe(TokensService.name, () => {
  const secret = createSecretKey(Buffer.from('a-secret-of-at-least-thirty-two-characters'));
  const jwt = new JwtService({
    secret,
    signOptions: { algorithm: 'HS256', expiresIn: 60 },
    verifyOptions: { algorithms: ['HS256'] },
  });
  const claims = { sub: 'u-1', usr: 'psm.balang', role: Role.Psm, wil: '63.11.06.2005' };

  afterEach(() => jest.restoreAllMocks());

  it('answers a token it verified before only until the token expires', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-07-01T00:00:00Z'));
    const tokens = new TokensService(jwt, {} as AppConfig);
    const token = await jwt.signAsync(claims);
    expect(await tokens.verifyAccess(token)).toMatchObject(claims);
    expect(await tokens.verifyAccess(token)).toMatchObject(claims);
    now.mockReturnValue(Date.parse('2026-07-01T00:01:00Z'));
    expect(await tokens.verifyAccess(token)).toBeNull();
  });

  it('refuses a token signed with another key, every time', async () => {
    const tokens = new TokensService(jwt, {} as AppConfig);
    const forged = await new JwtService({
      secret: 'another-secret-of-thirty-two-chars!',
    }).signAsync(claims);
    expect(await tokens.verifyAccess(forged)).toBeNull();
    expect(await tokens.verifyAccess(forged)).toBeNull();
  });
});
