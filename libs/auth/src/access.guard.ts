import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext } from '@pilar/core';
import { AuthenticatedRequest, PUBLIC_ROUTE, ROUTE_ROLES } from './access.decorators';
import { RoleNotAllowed, Unauthenticated } from './auth.errors';
import { AuthService } from './auth.service';
import { Role } from './role';

/**
 * The global guard: deny by default. A route passes only when it is @Public(), or when the
 * caller has a valid access token and a role the route names with @Roles().
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new Unauthenticated();
    const user = await this.auth.authenticate(match[1]);
    if (!user)
      throw new Unauthenticated('The access token is invalid or expired.', 'INVALID_TOKEN');
    req.user = user;
    RequestContext.setActor({ id: user.id, role: user.role });

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (!roles?.includes(user.role)) throw new RoleNotAllowed(user.role);
    return true;
  }
}
