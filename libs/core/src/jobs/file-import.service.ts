import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { RequestContext } from '../context/request-context';
import { receiveFileUpload } from '../http/upload';
import { JobName, JobPayloads } from '../queue/queue.catalogue';
import { QueueService } from '../queue/queue.service';
import { JobFileStore } from './job-file.store';
import { JobRunsService } from './job-runs.service';

/** Jobs that take an uploaded file and nothing else in their payload. */
type FileJobName = {
  [N in JobName]: JobPayloads[N] extends { jobRunId: string; requestId?: string } ? N : never;
}[JobName];

/**
 * The one way to start a file import: record a job run, stream the upload into PostgreSQL,
 * enqueue the job with the run id as its (deterministic) BullMQ id. A failed upload leaves
 * nothing behind.
 */
@Injectable()
export class FileImportService {
  constructor(
    private readonly runs: JobRunsService,
    private readonly files: JobFileStore,
    private readonly queue: QueueService,
    private readonly config: AppConfig,
  ) {}

  async start(
    name: FileJobName,
    req: IncomingMessage,
    params: Record<string, unknown> = {},
  ): Promise<{ jobId: string }> {
    const run = await this.runs.create(name, params);
    try {
      await receiveFileUpload(req, this.config.uploadMaxBytes, async (file, info) => {
        const bytes = await this.files.write(run.id, file);
        await this.runs.setFileInfo(run.id, info.filename, bytes);
      });
      await this.queue.enqueue(
        name,
        { jobRunId: run.id, requestId: RequestContext.current()?.requestId },
        { jobId: run.id },
      );
    } catch (err) {
      await this.runs.delete(run.id);
      throw err;
    }
    return { jobId: run.id };
  }
}
