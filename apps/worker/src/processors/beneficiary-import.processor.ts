import { Injectable } from '@nestjs/common';
import {
  HandlesJob,
  JobFileStore,
  JobHandler,
  JobName,
  JobPayloads,
  JobRunsService,
} from '@pilar/core';
import { BeneficiaryImportService } from '@pilar/registry';
import { runFileJob } from './run-file-job';

/** Imports an uploaded DTKS-style CSV of people into the registry (libs/registry/IMPORT.md). */
@Injectable()
@HandlesJob(JobName.BeneficiaryImport)
export class BeneficiaryImportProcessor implements JobHandler<JobName.BeneficiaryImport> {
  constructor(
    private readonly runs: JobRunsService,
    private readonly files: JobFileStore,
    private readonly imports: BeneficiaryImportService,
  ) {}

  handle({ jobRunId }: JobPayloads[JobName.BeneficiaryImport]): Promise<unknown> {
    return runFileJob(this.runs, jobRunId, async () => {
      const run = await this.runs.get(jobRunId);
      const { counts, phasesMs } = await this.imports.run(run, this.files.read(jobRunId));
      return { counts, result: { phasesMs } };
    });
  }
}
