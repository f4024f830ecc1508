import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { ProviderAccountDto } from '@autobuy/contracts';

import { ADMIN_ONLY, ANY_ROLE, Roles, Scopes } from '../auth/decorators';
import { AccountsService } from './accounts.service';
import { CreateAccountBody, ListAccountsQuery, UpdateAccountBody } from './dto/account.dto';
import { toAccountDto } from './mappers';

const ACCOUNT_EXAMPLE: ProviderAccountDto = {
  id: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
  provider: 'sandbox',
  login: 'sandbox_buyer',
  note: 'Main buyer account',
  enabled: true,
  createdAt: '2026-12-01T09:00:00.000Z',
};

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Roles(...ANY_ROLE)
  @Scopes('read')
  @ApiOkResponse({ schema: { example: [ACCOUNT_EXAMPLE] } })
  async list(@Query() query: ListAccountsQuery): Promise<ProviderAccountDto[]> {
    return (await this.accounts.list(query.provider)).map(toAccountDto);
  }

  @Post()
  @Roles(...ADMIN_ONLY)
  @ApiCreatedResponse({ schema: { example: ACCOUNT_EXAMPLE } })
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
