import { Foundation1764000000000 } from './1764000000000-foundation';
import { ReferenceData1764000000100 } from './1764000000100-reference-data';
import { Auth1764000000200 } from './1764000000200-auth';
import { Registry1764100000000 } from './1764100000000-registry';
import { Planning1764200000000 } from './1764200000000-planning';
import { Casework1764300000000 } from './1764300000000-casework';
import { Rollup1764400000000 } from './1764400000000-rollup';
import { RollupCellDeltas1764500000000 } from './1764500000000-rollup-cell-deltas';
import { BeneficiaryNames1764600000000 } from './1764600000000-beneficiary-names';
import { RollupPpksStatementTriggers1764700000000 } from './1764700000000-rollup-ppks-statement-triggers';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the compiled app, the CLI and
 * ts-jest all run exactly the same set. Add new migrations at the end.
 */
export const MIGRATIONS = [
  Foundation1764000000000,
  ReferenceData1764000000100,
  Auth1764000000200,
  Registry1764100000000,
  Planning1764200000000,
  Casework1764300000000,
  Rollup1764400000000,
  RollupCellDeltas1764500000000,
  BeneficiaryNames1764600000000,
  RollupPpksStatementTriggers1764700000000,
];
