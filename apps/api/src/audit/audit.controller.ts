import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditLogService } from '@pilar/audit';
import { Role, Roles } from '@pilar/auth';
import { Page } from '../common/list.dto';
import { AuditEntryResponse, AuditQueryDto, toAuditEntryResponse } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Roles(Role.Admin)
@Controller('audit')
export class AuditController {
  constructor(private readonly log: AuditLogService) {}

  @Get()
  @ApiOkResponse({ type: [AuditEntryResponse] })
  async list(@Query() q: AuditQueryDto): Promise<Page<AuditEntryResponse>> {
    const page = await this.log.list({ ...q, beforeId: q.cursor });
    return { items: page.items.map(toAuditEntryResponse), nextCursor: page.nextCursor };
  }
}
