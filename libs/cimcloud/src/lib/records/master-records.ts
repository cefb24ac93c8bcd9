import type { Row } from '../paged-reader';
import { numeric, optionalText, text } from './row-fields';

/** An ERP code list entry: warehouse, ship-via, terms code or tax schedule (ASSUMED columns). */
export interface ErpCode {
  code: string;
  description?: string;
}

export function parseErpCode(codeColumn: string): (row: Row) => ErpCode {
  return (row) => ({ code: text(row, codeColumn), description: optionalText(row, 'description') });
}

/** A customer of customers/ (documented endpoint; ASSUMED columns). */
export interface CimcloudCustomer {
  customerNo: string;
  divisionNo?: string;
  name?: string;
  termsCode?: string;
  taxSchedule?: string;
}

export function parseCustomer(row: Row): CimcloudCustomer {
  return {
    customerNo: text(row, 'customer_no'),
    divisionNo: optionalText(row, 'division_no'),
    name: optionalText(row, 'name'),
    termsCode: optionalText(row, 'terms_code'),
    taxSchedule: optionalText(row, 'tax_schedule'),
  };
}

/** A product of products/ (documented endpoint; ASSUMED columns). */
export interface CimcloudProduct {
  sku: string;
  name?: string;
  price?: number;
}

export function parseProduct(row: Row): CimcloudProduct {
  return {
    sku: text(row, 'sku'),
    name: optionalText(row, 'name'),
    price: row['price'] === null || row['price'] === undefined ? undefined : numeric(row, 'price'),
  };
}
