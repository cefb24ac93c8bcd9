import { ApiPropertyOptional } from '@nestjs/swagger';
import { Page } from '@ferry/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { problems } from './problem';

/** `?limit=&cursor=` on every list endpoint. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

/** Position of the last row of a page, in the order (created_at, id). */
export interface CursorPosition {
  createdAt: string;
  id: string;
}

export const DEFAULT_PAGE_SIZE = 50;

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(createdAt))) {
      return { createdAt, id };
    }
  } catch {
    // fall through to the error below
  }
  throw problems.badRequest('is not a cursor returned by this endpoint', 'cursor');
}

/**
 * SQL for a row's cursor position with microsecond precision (a JS Date would round to
 * milliseconds and skip or repeat rows created within the same millisecond).
 */
export const cursorAtSql = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Keyset pagination: fetch `limit + 1` rows ordered by (created_at, id) after the cursor,
 * and turn them into a page. `fetch` receives the decoded cursor and the row count to read;
 * each row carries its `cursorAt` (see cursorAtSql).
 */
export async function readPage<Row extends { cursorAt: string; id: string }, Item>(
  query: PageQueryDto,
  fetch: (after: CursorPosition | null, take: number) => Promise<Row[]>,
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const rows = await fetch(decodeCursor(query.cursor), limit + 1);
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.cursorAt, id: last.id }) : null,
  };
}
