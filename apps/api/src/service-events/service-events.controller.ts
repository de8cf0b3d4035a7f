import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CASEWORK_ROLES, CurrentUser, Roles } from '@pilar/auth';
import { ServiceEventsService } from '@pilar/casework';
import type { FastifyReply } from 'fastify';
import { Page } from '../common/list.dto';
import { RecordServiceEventDto } from './dto/record-service-event.dto';
import {
  ServiceEventBatchDto,
  ServiceEventBatchResponse,
  toBatchItems,
} from './dto/service-event-batch.dto';
import {
  ListServiceEventsQueryDto,
  ServiceEventIdParam,
  VoidServiceEventDto,
} from './dto/service-event-query.dto';
import { ServiceEventResponse, toServiceEventResponse } from './dto/service-event.response';

const IDEMPOTENCY_KEY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Alternative to the body id: a retry with the same key and payload is answered 200.',
};

@ApiTags('service-events')
@ApiBearerAuth()
@Roles(...CASEWORK_ROLES)
@Controller('service-events')
export class ServiceEventsController {
  constructor(private readonly events: ServiceEventsService) {}

  /** 201 when recorded now, 200 when it is a replay of one recorded before. */
  @Post()
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiCreatedResponse({ type: ServiceEventResponse })
  @ApiOkResponse({
    description: 'A replay: the event recorded before.',
    type: ServiceEventResponse,
  })
  async record(
    @Body() dto: RecordServiceEventDto,
    @CurrentUser() user: AuthUser,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ServiceEventResponse> {
    const { event, created } = await this.events.record(user, dto, idempotencyKey);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return toServiceEventResponse(event);
  }

  /** Field sync: up to 500 events, each CREATED, DUPLICATE or REJECTED on its own. */
  @Post('batch')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ServiceEventBatchResponse })
  async recordBatch(
    @Body() dto: ServiceEventBatchDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ServiceEventBatchResponse> {
    return { results: await this.events.recordBatch(user, toBatchItems(dto.events)) };
  }

  @Get()
  @ApiOkResponse({ type: [ServiceEventResponse] })
  async list(
    @Query() query: ListServiceEventsQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<ServiceEventResponse>> {
    const page = await this.events.list(user.scope, query);
    return { items: page.items.map(toServiceEventResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOkResponse({ type: ServiceEventResponse })
  async get(
    @Param() { id }: ServiceEventIdParam,
    @CurrentUser() user: AuthUser,
  ): Promise<ServiceEventResponse> {
    return toServiceEventResponse(await this.events.get(user.scope, id));
  }

  /** The correction: the event stays, marked void, out of every figure (audited). */
  @Post(':id/void')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: ServiceEventResponse })
  async void(
    @Param() { id }: ServiceEventIdParam,
    @Body() dto: VoidServiceEventDto,
    @CurrentUser() user: AuthUser,
  ): Promise<ServiceEventResponse> {
    return toServiceEventResponse(await this.events.void(user, id, dto.reason));
  }
}
