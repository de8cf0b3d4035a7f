import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, Roles } from '@pilar/auth';
import { ServiceTypesService } from '@pilar/casework';
import { PpksTypesService } from '@pilar/registry';
import { WilayahService } from '@pilar/wilayah';
import {
  PpksTypeResponse,
  ServiceTypeResponse,
  toWilayahResponse,
  WilayahKodeParam,
  WilayahQueryDto,
  WilayahResponse,
} from './dto/reference.dto';

/** Reference data every client needs: regions, PPKS types, service types. */
@ApiTags('reference')
@ApiBearerAuth()
@Roles(...ALL_ROLES)
@Controller()
export class ReferenceController {
  constructor(
    private readonly wilayah: WilayahService,
    private readonly ppksTypes: PpksTypesService,
    private readonly serviceTypes: ServiceTypesService,
  ) {}

  @Get('wilayah')
  @ApiOkResponse({ type: [WilayahResponse] })
  async listWilayah(@Query() query: WilayahQueryDto): Promise<WilayahResponse[]> {
    const rows = query.q
      ? await this.wilayah.search(query.q, query.tingkat)
      : await this.wilayah.children(query.indukKode);
    return rows.map(toWilayahResponse);
  }

  @Get('wilayah/:kode')
  @ApiOkResponse({ type: WilayahResponse })
  async getWilayah(@Param() { kode }: WilayahKodeParam): Promise<WilayahResponse> {
    return toWilayahResponse(await this.wilayah.get(kode));
  }

  @Get('ppks-types')
  @ApiOkResponse({ type: [PpksTypeResponse] })
  async listPpksTypes(): Promise<PpksTypeResponse[]> {
    return (await this.ppksTypes.list()).map(({ kode, nomor, nama, satuan, spm }) => ({
      kode,
      nomor,
      nama,
      satuan,
      spm,
    }));
  }

  @Get('service-types')
  @ApiOkResponse({ type: [ServiceTypeResponse] })
  async listServiceTypes(): Promise<ServiceTypeResponse[]> {
    return (await this.serviceTypes.list()).map(({ kode, nama, keterangan }) => ({
      kode,
      nama,
      keterangan,
    }));
  }
}
