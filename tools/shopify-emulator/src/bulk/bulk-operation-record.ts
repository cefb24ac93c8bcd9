export type BulkOperationStatus =
  | 'CREATED'
  | 'RUNNING'
  | 'COMPLETED'
  | 'FAILED'
  | 'CANCELED'
  | 'EXPIRED';

export interface BulkOperationRecord {
  id: number;
  shopDomain: string;
  appId: number;
  status: BulkOperationStatus;
  query: string;
  createdAt: string;
  completedAt: string | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  url: string | null;
  errorCode: string | null;
  jsonl: string | null;
}
