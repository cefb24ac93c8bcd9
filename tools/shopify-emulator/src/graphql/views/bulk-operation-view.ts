import { BulkOperationRecord } from '../../bulk/bulk-operation-record';
import { toGid } from '../../store/gid';
import { GraphQLSource } from '../request-context';

export function bulkOperationView(op: BulkOperationRecord): GraphQLSource {
  return {
    id: toGid('BulkOperation', op.id),
    status: op.status,
    type: 'QUERY',
    errorCode: op.errorCode,
    createdAt: op.createdAt,
    completedAt: op.completedAt,
    objectCount: String(op.objectCount),
    rootObjectCount: String(op.rootObjectCount),
    fileSize: op.fileSize === null ? null : String(op.fileSize),
    url: op.url,
    partialDataUrl: null,
    query: op.query,
  };
}
