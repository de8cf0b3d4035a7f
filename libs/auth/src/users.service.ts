import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService, diffFields } from '@pilar/audit';
import { AppConfig, NotFound, PgError, pgErrorCode, StaleVersion } from '@pilar/core';
import { isWithin, WilayahService } from '@pilar/wilayah';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { hashPassword } from './password';
import { Role } from './role';
import { TokensService } from './tokens.service';
import { User } from './user.entity';
import { UsernameTaken, WilayahNotAllowedForRole } from './users.errors';

export interface NewUser {
  username: string;
  password: string;
  name: string;
  role: Role;
  wilayahKode?: string | null;
}

export interface UserChanges {
  version: number;
  name?: string;
  role?: Role;
  wilayahKode?: string | null;
  password?: string;
  active?: boolean;
}

const AUDITED: (keyof User)[] = [
  'username',
  'name',
  'role',
  'wilayahKode',
  'active',
  'passwordHash',
];

/** ADMIN user management. Deactivating a user or changing a password revokes their sessions. */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
    private readonly wilayah: WilayahService,
    private readonly tokens: TokensService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  list(): Promise<User[]> {
    return this.users.find({ order: { username: 'ASC' } });
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFound('User', id);
    return user;
  }

  async create(input: NewUser, m?: EntityManager): Promise<User> {
    const wilayahKode = await this.checkWilayah(input.role, input.wilayahKode ?? null);
    const passwordHash = await hashPassword(input.password);
    const work = async (tx: EntityManager): Promise<User> => {
      const now = new Date();
      const user = tx.create(User, {
        username: input.username,
        passwordHash,
        name: input.name,
        role: input.role,
        wilayahKode,
        active: true,
        createdAt: now,
        updatedAt: now,
      });
      try {
        await tx.save(user);
      } catch (err) {
        if (pgErrorCode(err) === PgError.uniqueViolation) throw new UsernameTaken(input.username);
        throw err;
      }
      await this.audit.record(tx, {
        action: 'user.create',
        entity: 'user',
        entityId: user.id,
        changes: diffFields(null, user, AUDITED),
      });
      return user;
    };
    return m ? work(m) : this.dataSource.transaction(work);
  }

  async update(id: string, changes: UserChanges): Promise<User> {
    return this.dataSource.transaction(async (m) => {
      const user = await m.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new NotFound('User', id);
      if (user.version !== changes.version)
        throw new StaleVersion('User', changes.version, user.version);
      const before = { ...user };
      const role = changes.role ?? user.role;
      const wilayahKode =
        changes.wilayahKode !== undefined || changes.role !== undefined
          ? await this.checkWilayah(
              role,
              changes.wilayahKode !== undefined ? changes.wilayahKode : user.wilayahKode,
            )
          : user.wilayahKode;
      Object.assign(user, {
        name: changes.name ?? user.name,
        role,
        wilayahKode,
        active: changes.active ?? user.active,
        updatedAt: new Date(),
      });
      if (changes.password) user.passwordHash = await hashPassword(changes.password);
      await m.save(user);
      if (
        changes.password ||
        changes.active === false ||
        role !== before.role ||
        wilayahKode !== before.wilayahKode
      ) {
        await this.tokens.revokeAllOf(m, user.id);
      }
      await this.audit.record(m, {
        action: 'user.update',
        entity: 'user',
        entityId: user.id,
        changes: diffFields(before, user, AUDITED),
      });
      return user;
    });
  }

  /** TKSK need a kecamatan and PSM a desa of the agency's kabupaten; other roles none. */
  private async checkWilayah(role: Role, kode: string | null): Promise<string | null> {
    const agency = this.config.agency.kabupatenKode;
    switch (role) {
      case Role.Tksk:
      case Role.Psm: {
        const tingkat = role === Role.Tksk ? 'KECAMATAN' : 'DESA';
        if (!kode)
          throw new WilayahNotAllowedForRole(`a ${role} needs a ${tingkat.toLowerCase()} code`);
        await this.wilayah.require(kode, tingkat, 'wilayahKode');
        if (!isWithin(kode, agency)) {
          throw new WilayahNotAllowedForRole(`${kode} is outside the agency's kabupaten ${agency}`);
        }
        return kode;
      }
      case Role.Admin:
      case Role.Operator:
      case Role.Pimpinan:
        if (kode)
          throw new WilayahNotAllowedForRole(
            `a ${role} works for the whole kabupaten; leave it empty`,
          );
        return null;
    }
  }
}
