import { INestApplicationContext } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { ApiModule } from '@pilar/api/api.module';
import { configureApp, createHttpAdapter, NEST_APP_OPTIONS } from '@pilar/api/configure-app';

import { Role, UsersService } from '@pilar/auth';
import { AppConfig, RedisConnections } from '@pilar/core';
import { WorkerModule } from '@pilar/worker/worker.module';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from './test-database';
import { testConfig } from './test-config';

export interface SignedInUser {
  id: string;
  username: string;
  password: string;
  role: Role;
  wilayahKode: string | null;
  token: string;
}

/**
 * The real API on a fresh database and Redis prefix, configured exactly like main.ts. Start the
 * worker in-process with `startWorker()` when a test needs queued jobs processed.
 */
export class TestApp {
  private worker?: INestApplicationContext;
  private userSeq = 0;

  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    readonly db: TestDatabase,
  ) {}

  static async create(overrides: Record<string, string> = {}): Promise<TestApp> {
    const db = await createTestDatabase();
    const config = testConfig(db.url, overrides);
    const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
      .overrideProvider(AppConfig)
      .useValue(config)
      .compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(
      createHttpAdapter(),
      NEST_APP_OPTIONS,
    );
    configureApp(app);
    await app.init();
    // supertest talks to the bare node server: Fastify must have loaded its plugins first.
    await app.getHttpAdapter().getInstance().ready();
    return new TestApp(app, config, db);
  }

  get http(): TestAgent {
    return request(this.app.getHttpServer());
  }

  get dataSource(): DataSource {
    return this.app.get(DataSource);
  }

  get<T>(token: abstract new (...args: never[]) => T): T {
    return this.app.get(token as never);
  }

  /** Runs the worker in this process against the same database and Redis prefix. */
  async startWorker(): Promise<INestApplicationContext> {
    if (this.worker) return this.worker;
    const moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(AppConfig)
      .useValue(this.config)
      .compile();
    this.worker = await moduleRef.init();
    return this.worker;
  }

  async stopWorker(): Promise<void> {
    await this.worker?.close();
    this.worker = undefined;
  }

  /** Creates a user of `role` directly through the service and signs them in. */
  async signIn(role: Role, wilayahKode: string | null = null): Promise<SignedInUser> {
    const username = `${role.toLowerCase()}.${++this.userSeq}`;
    const password = `Rahasia-${role}-${this.userSeq}-panjang`;
    const user = await this.get(UsersService).create({
      username,
      password,
      name: `Test ${role}`,
      role,
      wilayahKode,
    });
    const res = await this.http.post('/api/v1/auth/login').send({ username, password }).expect(200);
    return {
      id: user.id,
      username,
      password,
      role,
      wilayahKode,
      token: (res.body as { accessToken: string }).accessToken,
    };
  }

  /** Polls GET /jobs/{id} until the job finishes. */
  async waitForJob(
    jobId: string,
    token: string,
    timeoutMs = 120_000,
  ): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await this.http
        .get(`/api/v1/jobs/${jobId}`)
        .auth(token, { type: 'bearer' })
        .expect(200);
      const body = res.body as { status: string };
      if (body.status === 'COMPLETED' || body.status === 'FAILED')
        return res.body as Record<string, unknown>;
      if (Date.now() > deadline)
        throw new Error(`Job ${jobId} still ${body.status} after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async close(): Promise<void> {
    await this.stopWorker();
    const redis = this.app.get(RedisConnections);
    const keys = await redis
      .client()
      .keys(`${this.config.redis.prefix}:*`)
      .catch(() => []);
    if (keys.length)
      await redis
        .client()
        .del(...keys)
        .catch(() => undefined);
    await this.app.close();
    await this.db.drop();
  }
}
