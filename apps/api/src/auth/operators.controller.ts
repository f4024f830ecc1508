import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OperatorDto } from '@autobuy/contracts';

import { ADMIN_ONLY, Roles } from './decorators';
import { CreateOperatorDto, UpdateOperatorDto } from './dto/operator.dto';
import { toOperatorDto } from './mappers';
import { OperatorsService } from './operators.service';

@ApiTags('operators')
@Controller('operators')
@Roles(...ADMIN_ONLY)
export class OperatorsController {
  constructor(private readonly operators: OperatorsService) {}

  @Get()
  async list(): Promise<OperatorDto[]> {
    return (await this.operators.list()).map(toOperatorDto);
  }

  @Post()
  async create(@Body() body: CreateOperatorDto): Promise<OperatorDto> {
    return toOperatorDto(await this.operators.create(body));
  }

  @Patch(':id')
  async update(@Param('id') id: string, @Body() body: UpdateOperatorDto): Promise<OperatorDto> {
    return toOperatorDto(await this.operators.update(id, body));
  }
}
