/**
 * A tenant's default order values (DESIGN §2.1, the seed's defaults), bound as `$defaults`
 * in the orders mapping. Codes are the ERP's own.
 */
export interface DefaultOrderValues {
  customerNo: string;
  /** Customer (AR) division; zero-filled to two digits by the default mapping. */
  divisionNo: string;
  termsCode?: string;
  salespersonNo?: string;
  taxSchedule?: string;
  /** `S` standard or `B` back order. Default `S`. */
  orderType?: string;
  /** `N` new, `O` open, `H` hold. Default `N`. */
  orderStatus?: string;
  /** Required when `orderStatus` is `H`. */
  holdReasonCode?: string;
  printPickSheet?: boolean;
  printSalesOrder?: boolean;
  /** Used when the shipping method has no row in the `ship_via` lookup table. */
  shipVia?: string;
  warehouseCode?: string;
  /** Item code for lines without a SKU (e.g. Sage 100's `/MISC`); without it such lines fail validation. */
  noSkuItemCode?: string;
}
