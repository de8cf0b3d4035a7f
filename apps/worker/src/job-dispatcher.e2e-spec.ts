import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { AppConfig, CoreModule, HandlesJob, JobHandler, JobName } from '@pilar/core';
import { createTestDatabase, TestDatabase, testConfig } from '@pilar/testing';
import { JobDispatcher } from './job-dispatcher';

@Injectable()
@HandlesJob(JobName.NomenclatureImport)
class FirstHandler implements JobHandler {
  handle(): Promise<unknown> {
    return Promise.resolve(null);
  }
}

@Injectable()
@HandlesJob(JobName.NomenclatureImport)
class SecondHandler extends FirstHandler {}

describe(JobDispatcher.name, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  async function boot(handlers: (typeof FirstHandler)[]): Promise<void> {
    const moduleRef = await Test.createTestingModule({
      imports: [CoreModule, DiscoveryModule],
      providers: [JobDispatcher, ...handlers],
    })
      .overrideProvider(AppConfig)
      .useValue(testConfig(db.url))
      .compile();
    try {
      await moduleRef.init();
    } finally {
      await moduleRef.close();
    }
  }

  it('refuses to boot when a job of the catalogue has no handler', async () => {
    await expect(boot([])).rejects.toThrow(/job nomenclature-import has no handler/);
  });

  it('refuses to boot when a job has two handlers', async () => {
    await expect(boot([FirstHandler, SecondHandler])).rejects.toThrow(
      /nomenclature-import has 2 handlers/,
    );
  });
});
