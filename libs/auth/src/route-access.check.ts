import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE, ROUTE_ROLES } from './access.decorators';

/**
 * Refuses to boot when a route declares neither @Public() nor @Roles(...): forgetting to think
 * about access must not ship.
 */
@Injectable()
export class RouteAccessCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const undeclared: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance) continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const name of this.scanner.getAllMethodNames(proto)) {
        const handler = (proto as Record<string, unknown>)[name] as () => unknown;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const targets = [handler, wrapper.metatype as () => unknown];
        const declared =
          this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ||
          this.reflector.getAllAndOverride<unknown[]>(ROUTE_ROLES, targets)?.length;
        if (!declared) undeclared.push(`${wrapper.name}.${name}`);
      }
    }
    if (undeclared.length) {
      throw new Error(`Routes without @Public() or @Roles(): ${undeclared.join(', ')}`);
    }
  }
}
