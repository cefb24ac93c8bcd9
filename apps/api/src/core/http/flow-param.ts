import { Flow, FLOWS } from '@ferry/contracts';
import { enumParam } from './enum-param';

/** A `:flow` path parameter: orders, shipments or inventory (else 400 naming `flow`). */
export const flowParam = (value: string): Flow => enumParam('flow', FLOWS, value);
