import type { Request } from 'express';

export function originOf(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;
}

export function itemPath(itemId: string, isTmall: boolean): string {
  return isTmall ? `/detail.tmall/item.htm?id=${itemId}` : `/item.htm?id=${itemId}`;
}
