import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ProviderAccountDto } from '@autobuy/contracts';

import { ADMIN_ONLY, ANY_ROLE, Roles, Scopes } from '../auth/decorators';
import { AccountsService } from './accounts.service';
import { CreateAccountBody, ListAccountsQuery, UpdateAccountBody } from './dto/account.dto';
import { toAccountDto } from './mappers';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @Scopes('read')
  async list(@Query() query: ListAccountsQuery): Promise<ProviderAccountDto[]> {
    return (await this.accounts.list(query.provider)).map(toAccountDto);
  }

  @Post()
  @Roles(...ADMIN_ONLY)
  async create(@Body() body: CreateAccountBody): Promise<ProviderAccountDto> {
    return toAccountDto(await this.accounts.create(body));
  }

  @Patch(':id')
  @Roles(...ADMIN_ONLY)
  async update(
    @Param('id') id: string,
    @Body() body: UpdateAccountBody,
  ): Promise<ProviderAccountDto> {
    return toAccountDto(await this.accounts.update(id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ADMIN_ONLY)
  async remove(@Param('id') id: string): Promise<void> {
    await this.accounts.remove(id);
  }
}
