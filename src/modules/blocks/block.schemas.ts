import { Type } from '@sinclair/typebox';
import { MemberSummary, PageOf, PageQuery } from '../../http/common.schemas.js';

export const BlocksQuery = Type.Object(PageQuery);

export const BlocksPage = PageOf(
  Type.Object({ member: MemberSummary, blockedAt: Type.String({ format: 'date-time' }) }),
);
