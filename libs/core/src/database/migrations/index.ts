import { Foundation1764000000000 } from './1764000000000-foundation';
import { ReferenceData1764000000100 } from './1764000000100-reference-data';
import { Auth1764000000200 } from './1764000000200-auth';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the compiled app, the CLI and
 * ts-jest all run exactly the same set. Add new migrations at the end.
 */
export const MIGRATIONS = [Foundation1764000000000, ReferenceData1764000000100, Auth1764000000200];
