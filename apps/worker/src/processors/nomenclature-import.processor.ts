import { Injectable } from '@nestjs/common';
import {
  csvRows,
  HandlesJob,
  JobFileStore,
  JobHandler,
  JobName,
  JobPayloads,
  JobRunsService,
} from '@pilar/core';
import { NomenclatureService } from '@pilar/planning';
import { runFileJob } from './run-file-job';

/** Applies an uploaded nomenclature list (kode, nama, tingkat?) to the reference tree. */
@Injectable()
@HandlesJob(JobName.NomenclatureImport)
export class NomenclatureImportProcessor implements JobHandler<JobName.NomenclatureImport> {
  constructor(
    private readonly runs: JobRunsService,
    private readonly files: JobFileStore,
    private readonly nomenclature: NomenclatureService,
  ) {}

  handle({ jobRunId }: JobPayloads[JobName.NomenclatureImport]): Promise<unknown> {
    return runFileJob(this.runs, jobRunId, async () => {
      const result = await this.nomenclature.importRows(
        csvRows(this.files.read(jobRunId), ['kode', 'nama']),
      );
      await this.runs.addRowErrors(jobRunId, result.errors);
      return { counts: result.counts };
    });
  }
}
