import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@pilar/core';
import { BeneficiaryHistoryService, BeneficiaryMergeService } from '@pilar/registry';
import { EntityManager } from 'typeorm';
import { CaseHistorySource } from './cases/cases.history';
import { ServiceEventHistorySource } from './service-events/service-events.history';

/**
 * Where casework plugs into the registry: services and cases appear in a person's history, and
 * follow the person when a duplicate record is merged away.
 */
@Injectable()
export class CaseworkRegistryLinks implements OnModuleInit {
  constructor(
    private readonly history: BeneficiaryHistoryService,
    private readonly merges: BeneficiaryMergeService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.history.registerSource(new ServiceEventHistorySource());
    this.history.registerSource(new CaseHistorySource(this.config.agency.timezone));
    this.merges.registerParticipant({
      name: 'casework',
      onMerge: (m, fromId, intoId) => this.onMerge(m, fromId, intoId),
    });
  }

  /**
   * Services, cases and victim registrations follow the person to the surviving record. The
   * roll-up's trigger on service_event notes each moved event in the outbox (distinct-person
   * figures change); voided events move too, so the survivor's history is complete.
   */
  private async onMerge(m: EntityManager, fromId: string, intoId: string): Promise<void> {
    await m.query(`UPDATE service_event SET beneficiary_id = $2 WHERE beneficiary_id = $1`, [
      fromId,
      intoId,
    ]);
    await m.query(
      `UPDATE social_case SET beneficiary_id = $2, version = version + 1, updated_at = now()
       WHERE beneficiary_id = $1`,
      [fromId, intoId],
    );
    // A person is a victim of a disaster once: when both records were, the survivor's row stays.
    await m.query(
      `DELETE FROM disaster_victim v WHERE v.beneficiary_id = $1
         AND EXISTS (SELECT 1 FROM disaster_victim s
                     WHERE s.disaster_id = v.disaster_id AND s.beneficiary_id = $2)`,
      [fromId, intoId],
    );
    await m.query(`UPDATE disaster_victim SET beneficiary_id = $2 WHERE beneficiary_id = $1`, [
      fromId,
      intoId,
    ]);
  }
}
