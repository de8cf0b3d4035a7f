import { Injectable } from '@nestjs/common';
import { AppConfig, FieldError, todayIn } from '@pilar/core';
import { WilayahService } from '@pilar/wilayah';
import { kecamatanKodeOfNumber, nikProblems, noKkProblem, Sex } from './nik';

/**
 * The NIK and KK rules of `nik.ts` plus the one check they cannot make alone: that digits 1–6
 * name a kecamatan that exists.
 */
@Injectable()
export class IdentityNumbersService {
  constructor(
    private readonly wilayah: WilayahService,
    private readonly config: AppConfig,
  ) {}

  /** Today in the agency's time zone: what "in the future" is measured against. */
  today(): string {
    return todayIn(this.config.agency.timezone);
  }

  /** Every reason `nik` is wrong for this person, as field errors on `field`. */
  async nikErrors(
    nik: string,
    person: { birthDate: string; sex: Sex },
    field = 'nik',
  ): Promise<FieldError[]> {
    const problems = [
      ...nikProblems(nik, person, this.today()),
      ...(await this.kecamatanProblems(nik)),
    ];
    return problems.map((message) => ({ field, message }));
  }

  async noKkErrors(noKk: string, field = 'noKk'): Promise<FieldError[]> {
    const shape = noKkProblem(noKk);
    const problems = shape ? [shape] : await this.kecamatanProblems(noKk);
    return problems.map((message) => ({ field, message }));
  }

  /** Digits 1–6 must be an existing kecamatan; a malformed number has no kecamatan to check. */
  private async kecamatanProblems(value: string): Promise<string[]> {
    if (!/^\d{16}$/.test(value)) return [];
    const kode = kecamatanKodeOfNumber(value);
    const found = await this.wilayah.existing([kode]);
    return found.has(kode) ? [] : [`the kecamatan ${kode} in digits 1–6 does not exist`];
  }
}
