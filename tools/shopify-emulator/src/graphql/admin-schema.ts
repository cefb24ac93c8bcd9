import { buildSchema, GraphQLSchema } from 'graphql';

/**
 * The slice of the GraphQL Admin API the emulator serves, typed after shopify.dev's
 * reference. Connection arguments are nullable like Shopify's (bulk queries omit them);
 * the "first or last" rule is enforced by the cost analysis.
 */
const SDL = /* GraphQL */ `
  directive @idempotent(key: String!) on FIELD

  scalar DateTime
  scalar Decimal
  scalar URL
  scalar UnsignedInt64
  scalar JSON

  type PageInfo {
    hasNextPage: Boolean!
    hasPreviousPage: Boolean!
    startCursor: String
    endCursor: String
  }

  type UserError {
    field: [String!]
    message: String!
  }

  type MoneyV2 {
    amount: Decimal!
    currencyCode: CurrencyCode!
  }

  type MoneyBag {
    shopMoney: MoneyV2!
    presentmentMoney: MoneyV2!
  }

  enum CurrencyCode {
    USD
    CAD
    EUR
    GBP
    AUD
  }

  type Attribute {
    key: String!
    value: String
  }

  type MailingAddress {
    address1: String
    address2: String
    city: String
    company: String
    country: String
    countryCodeV2: String
    firstName: String
    lastName: String
    name: String
    phone: String
    province: String
    provinceCode: String
    zip: String
  }

  type ShopPlan {
    displayName: String!
    publicDisplayName: String!
    partnerDevelopment: Boolean!
    shopifyPlus: Boolean!
  }

  type Shop {
    id: ID!
    name: String!
    email: String
    myshopifyDomain: String!
    currencyCode: CurrencyCode!
    ianaTimezone: String!
    plan: ShopPlan!
  }

  type AccessScope {
    handle: String!
    description: String!
  }

  type App {
    id: ID!
    title: String!
    apiKey: String!
  }

  type AppInstallation {
    id: ID!
    accessScopes: [AccessScope!]!
    app: App!
  }

  type Customer {
    id: ID!
    legacyResourceId: UnsignedInt64!
    firstName: String
    lastName: String
    displayName: String!
    email: String
    phone: String
  }

  type Location {
    id: ID!
    legacyResourceId: UnsignedInt64!
    name: String!
    isActive: Boolean!
    fulfillsOnlineOrders: Boolean!
    address: LocationAddress!
  }

  type LocationAddress {
    address1: String
    address2: String
    city: String
    province: String
    provinceCode: String
    zip: String
    country: String
    countryCode: String
    phone: String
  }

  type LocationEdge {
    cursor: String!
    node: Location!
  }
  type LocationConnection {
    edges: [LocationEdge!]!
    nodes: [Location!]!
    pageInfo: PageInfo!
  }

  type Product {
    id: ID!
    legacyResourceId: UnsignedInt64!
    title: String!
    handle: String!
    vendor: String!
    status: ProductStatus!
    createdAt: DateTime!
    updatedAt: DateTime!
    variants(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
    ): ProductVariantConnection!
  }

  enum ProductStatus {
    ACTIVE
    DRAFT
    ARCHIVED
  }

  type ProductVariant {
    id: ID!
    legacyResourceId: UnsignedInt64!
    title: String!
    displayName: String!
    sku: String
    barcode: String
    price: Decimal!
    inventoryQuantity: Int
    product: Product!
    inventoryItem: InventoryItem!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  type ProductVariantEdge {
    cursor: String!
    node: ProductVariant!
  }
  type ProductVariantConnection {
    edges: [ProductVariantEdge!]!
    nodes: [ProductVariant!]!
    pageInfo: PageInfo!
  }

  enum ProductVariantSortKeys {
    ID
    SKU
    TITLE
  }

  type InventoryItem {
    id: ID!
    legacyResourceId: UnsignedInt64!
    sku: String
    tracked: Boolean!
    duplicateSkuCount: Int!
    variant: ProductVariant!
    createdAt: DateTime!
    updatedAt: DateTime!
    inventoryLevel(locationId: ID!): InventoryLevel
    inventoryLevels(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
    ): InventoryLevelConnection!
  }

  type InventoryItemEdge {
    cursor: String!
    node: InventoryItem!
  }
  type InventoryItemConnection {
    edges: [InventoryItemEdge!]!
    nodes: [InventoryItem!]!
    pageInfo: PageInfo!
  }

  type InventoryQuantity {
    id: ID!
    name: String!
    quantity: Int!
    updatedAt: DateTime
  }

  type InventoryLevel {
    id: ID!
    item: InventoryItem!
    location: Location!
    quantities(names: [String!]!): [InventoryQuantity!]!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  type InventoryLevelEdge {
    cursor: String!
    node: InventoryLevel!
  }
  type InventoryLevelConnection {
    edges: [InventoryLevelEdge!]!
    nodes: [InventoryLevel!]!
    pageInfo: PageInfo!
  }

  type LineItem {
    id: ID!
    name: String!
    title: String!
    variantTitle: String
    sku: String
    vendor: String
    quantity: Int!
    currentQuantity: Int!
    unfulfilledQuantity: Int!
    requiresShipping: Boolean!
    taxable: Boolean!
    variant: ProductVariant
    product: Product
    originalUnitPriceSet: MoneyBag!
    discountedUnitPriceSet: MoneyBag!
    discountedUnitPriceAfterAllDiscountsSet: MoneyBag!
    originalTotalSet: MoneyBag!
    discountedTotalSet: MoneyBag!
    totalDiscountSet: MoneyBag!
  }

  type LineItemEdge {
    cursor: String!
    node: LineItem!
  }
  type LineItemConnection {
    edges: [LineItemEdge!]!
    nodes: [LineItem!]!
    pageInfo: PageInfo!
  }

  type ShippingLine {
    id: ID
    title: String!
    code: String
    source: String
    carrierIdentifier: String
    originalPriceSet: MoneyBag!
    discountedPriceSet: MoneyBag!
  }

  type ShippingLineEdge {
    cursor: String!
    node: ShippingLine!
  }
  type ShippingLineConnection {
    edges: [ShippingLineEdge!]!
    nodes: [ShippingLine!]!
    pageInfo: PageInfo!
  }

  enum OrderDisplayFinancialStatus {
    PENDING
    AUTHORIZED
    PARTIALLY_PAID
    PAID
    PARTIALLY_REFUNDED
    REFUNDED
    VOIDED
    EXPIRED
  }
  enum OrderDisplayFulfillmentStatus {
    UNFULFILLED
    PARTIALLY_FULFILLED
    FULFILLED
    RESTOCKED
    PENDING_FULFILLMENT
    OPEN
    IN_PROGRESS
    ON_HOLD
    SCHEDULED
    REQUEST_DECLINED
  }
  enum OrderCancelReason {
    CUSTOMER
    DECLINED
    FRAUD
    INVENTORY
    STAFF
    OTHER
  }
  enum OrderSortKeys {
    CREATED_AT
    CUSTOMER_NAME
    FINANCIAL_STATUS
    FULFILLMENT_STATUS
    ID
    ORDER_NUMBER
    PROCESSED_AT
    RELEVANCE
    TOTAL_PRICE
    UPDATED_AT
  }

  type Order {
    id: ID!
    legacyResourceId: UnsignedInt64!
    name: String!
    createdAt: DateTime!
    updatedAt: DateTime!
    processedAt: DateTime!
    cancelledAt: DateTime
    cancelReason: OrderCancelReason
    closed: Boolean!
    closedAt: DateTime
    confirmed: Boolean!
    test: Boolean!
    email: String
    phone: String
    note: String
    poNumber: String
    sourceName: String
    tags: [String!]!
    customAttributes: [Attribute!]!
    currencyCode: CurrencyCode!
    presentmentCurrencyCode: CurrencyCode!
    displayFinancialStatus: OrderDisplayFinancialStatus
    displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
    subtotalPriceSet: MoneyBag
    totalPriceSet: MoneyBag!
    totalTaxSet: MoneyBag
    totalShippingPriceSet: MoneyBag!
    totalDiscountsSet: MoneyBag
    currentTotalPriceSet: MoneyBag!
    customer: Customer
    shippingAddress: MailingAddress
    billingAddress: MailingAddress
    lineItems(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
    ): LineItemConnection!
    shippingLines(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
    ): ShippingLineConnection!
    fulfillmentOrders(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
      displayable: Boolean
      query: String
    ): FulfillmentOrderConnection!
    fulfillments(first: Int): [Fulfillment!]!
  }

  type OrderEdge {
    cursor: String!
    node: Order!
  }
  type OrderConnection {
    edges: [OrderEdge!]!
    nodes: [Order!]!
    pageInfo: PageInfo!
  }

  enum FulfillmentOrderStatus {
    OPEN
    IN_PROGRESS
    CLOSED
    CANCELLED
    ON_HOLD
    SCHEDULED
    INCOMPLETE
  }
  enum FulfillmentOrderRequestStatus {
    UNSUBMITTED
    SUBMITTED
    ACCEPTED
    REJECTED
    CANCELLATION_REQUESTED
    CANCELLATION_ACCEPTED
    CANCELLATION_REJECTED
    CLOSED
  }
  enum FulfillmentOrderAction {
    CREATE_FULFILLMENT
    REQUEST_FULFILLMENT
    CANCEL_FULFILLMENT_ORDER
    REQUEST_CANCELLATION
    MOVE
    HOLD
    RELEASE_HOLD
    MARK_AS_OPEN
    SPLIT
    MERGE
    EXTERNAL
  }

  type FulfillmentOrderSupportedAction {
    action: FulfillmentOrderAction!
    externalUrl: URL
  }

  type FulfillmentOrderAssignedLocation {
    name: String!
    location: Location
    address1: String
    city: String
    countryCode: String!
    zip: String
  }

  type FulfillmentOrderLineItem {
    id: ID!
    totalQuantity: Int!
    remainingQuantity: Int!
    sku: String
    productTitle: String!
    variantTitle: String
    lineItem: LineItem!
    variant: ProductVariant
    inventoryItemId: ID
  }

  type FulfillmentOrderLineItemEdge {
    cursor: String!
    node: FulfillmentOrderLineItem!
  }
  type FulfillmentOrderLineItemConnection {
    edges: [FulfillmentOrderLineItemEdge!]!
    nodes: [FulfillmentOrderLineItem!]!
    pageInfo: PageInfo!
  }

  type FulfillmentOrder {
    id: ID!
    status: FulfillmentOrderStatus!
    requestStatus: FulfillmentOrderRequestStatus!
    supportedActions: [FulfillmentOrderSupportedAction!]!
    assignedLocation: FulfillmentOrderAssignedLocation!
    orderId: ID!
    orderName: String!
    order: Order!
    createdAt: DateTime!
    updatedAt: DateTime!
    lineItems(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
    ): FulfillmentOrderLineItemConnection!
  }

  type FulfillmentOrderEdge {
    cursor: String!
    node: FulfillmentOrder!
  }
  type FulfillmentOrderConnection {
    edges: [FulfillmentOrderEdge!]!
    nodes: [FulfillmentOrder!]!
    pageInfo: PageInfo!
  }

  type FulfillmentTrackingInfo {
    company: String
    number: String
    url: URL
  }

  enum FulfillmentStatus {
    SUCCESS
    CANCELLED
    ERROR
    FAILURE
  }

  type FulfillmentLineItem {
    id: ID!
    quantity: Int
    lineItem: LineItem!
  }

  type FulfillmentLineItemEdge {
    cursor: String!
    node: FulfillmentLineItem!
  }
  type FulfillmentLineItemConnection {
    edges: [FulfillmentLineItemEdge!]!
    nodes: [FulfillmentLineItem!]!
    pageInfo: PageInfo!
  }

  type Fulfillment {
    id: ID!
    legacyResourceId: UnsignedInt64!
    name: String!
    status: FulfillmentStatus!
    createdAt: DateTime!
    updatedAt: DateTime!
    trackingInfo(first: Int): [FulfillmentTrackingInfo!]!
    location: Location
    order: Order!
    fulfillmentLineItems(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
    ): FulfillmentLineItemConnection!
  }

  input FulfillmentTrackingInput {
    company: String
    number: String
    numbers: [String!]
    url: URL
    urls: [URL!]
  }

  input FulfillmentOrderLineItemInput {
    id: ID!
    quantity: Int!
  }

  input FulfillmentOrderLineItemsInput {
    fulfillmentOrderId: ID!
    fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]
  }

  input FulfillmentInput {
    lineItemsByFulfillmentOrder: [FulfillmentOrderLineItemsInput!]!
    trackingInfo: FulfillmentTrackingInput
    notifyCustomer: Boolean
  }

  type FulfillmentCreatePayload {
    fulfillment: Fulfillment
    userErrors: [UserError!]!
  }

  input InventoryQuantityInput {
    inventoryItemId: ID!
    locationId: ID!
    quantity: Int!
    compareQuantity: Int
    changeFromQuantity: Int
  }

  input InventorySetQuantitiesInput {
    name: String!
    reason: String!
    referenceDocumentUri: String
    ignoreCompareQuantity: Boolean
    quantities: [InventoryQuantityInput!]!
  }

  enum InventorySetQuantitiesUserErrorCode {
    CHANGE_FROM_QUANTITY_STALE
    COMPARE_QUANTITY_REQUIRED
    COMPARE_QUANTITY_STALE
    IDEMPOTENCY_CONCURRENT_REQUEST
    IDEMPOTENCY_KEY_PARAMETER_MISMATCH
    INVALID_INVENTORY_ITEM
    INVALID_LOCATION
    INVALID_NAME
    INVALID_QUANTITY_NEGATIVE
    INVALID_QUANTITY_TOO_HIGH
    INVALID_QUANTITY_TOO_LOW
    INVALID_REASON
    INVALID_REFERENCE_DOCUMENT
    ITEM_NOT_STOCKED_AT_LOCATION
    NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR
    NON_MUTABLE_INVENTORY_ITEM
  }

  type InventorySetQuantitiesUserError {
    code: InventorySetQuantitiesUserErrorCode
    field: [String!]
    message: String!
  }

  type InventoryChange {
    name: String!
    delta: Int!
    quantityAfterChange: Int
    item: InventoryItem
    location: Location
    ledgerDocumentUri: String
  }

  type InventoryAdjustmentGroup {
    id: ID!
    createdAt: DateTime!
    reason: String!
    referenceDocumentUri: String
    changes(
      inventoryItemIds: [ID!]
      locationIds: [ID!]
      quantityNames: [String!]
    ): [InventoryChange!]!
  }

  type InventorySetQuantitiesPayload {
    inventoryAdjustmentGroup: InventoryAdjustmentGroup
    userErrors: [InventorySetQuantitiesUserError!]!
  }

  enum WebhookSubscriptionTopic {
    APP_UNINSTALLED
    ORDERS_CREATE
    ORDERS_UPDATED
    ORDERS_CANCELLED
    ORDERS_FULFILLED
    ORDERS_PAID
    FULFILLMENTS_CREATE
    INVENTORY_LEVELS_UPDATE
  }

  enum WebhookSubscriptionFormat {
    JSON
    XML
  }

  type WebhookHttpEndpoint {
    callbackUrl: URL!
  }

  type WebhookSubscription {
    id: ID!
    legacyResourceId: UnsignedInt64!
    topic: WebhookSubscriptionTopic!
    uri: String!
    format: WebhookSubscriptionFormat!
    apiVersion: ApiVersion!
    createdAt: DateTime!
    updatedAt: DateTime!
  }

  type ApiVersion {
    handle: String!
    displayName: String!
    supported: Boolean!
  }

  type WebhookSubscriptionEdge {
    cursor: String!
    node: WebhookSubscription!
  }
  type WebhookSubscriptionConnection {
    edges: [WebhookSubscriptionEdge!]!
    nodes: [WebhookSubscription!]!
    pageInfo: PageInfo!
  }

  input WebhookSubscriptionInput {
    uri: String
    callbackUrl: URL
    format: WebhookSubscriptionFormat
    includeFields: [String!]
  }

  type WebhookSubscriptionCreatePayload {
    webhookSubscription: WebhookSubscription
    userErrors: [UserError!]!
  }

  type WebhookSubscriptionDeletePayload {
    deletedWebhookSubscriptionId: ID
    userErrors: [UserError!]!
  }

  enum BulkOperationStatus {
    CANCELED
    CANCELING
    COMPLETED
    CREATED
    EXPIRED
    FAILED
    RUNNING
  }
  enum BulkOperationType {
    QUERY
    MUTATION
  }
  enum BulkOperationErrorCode {
    ACCESS_DENIED
    INTERNAL_SERVER_ERROR
    TIMEOUT
  }
  enum BulkOperationUserErrorCode {
    INVALID
    OPERATION_IN_PROGRESS
  }

  type BulkOperation {
    id: ID!
    status: BulkOperationStatus!
    type: BulkOperationType!
    errorCode: BulkOperationErrorCode
    createdAt: DateTime!
    completedAt: DateTime
    objectCount: UnsignedInt64!
    rootObjectCount: UnsignedInt64!
    fileSize: UnsignedInt64
    url: URL
    partialDataUrl: URL
    query: String!
  }

  type BulkOperationUserError {
    code: BulkOperationUserErrorCode
    field: [String!]
    message: String!
  }

  type BulkOperationRunQueryPayload {
    bulkOperation: BulkOperation
    userErrors: [BulkOperationUserError!]!
  }

  type QueryRoot {
    shop: Shop!
    currentAppInstallation: AppInstallation!
    order(id: ID!): Order
    orders(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
      sortKey: OrderSortKeys
      query: String
    ): OrderConnection!
    fulfillmentOrder(id: ID!): FulfillmentOrder
    fulfillmentOrders(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
      includeClosed: Boolean
      query: String
    ): FulfillmentOrderConnection!
    location(id: ID): Location
    locations(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
      includeInactive: Boolean
      query: String
    ): LocationConnection!
    product(id: ID!): Product
    productVariant(id: ID!): ProductVariant
    productVariants(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
      sortKey: ProductVariantSortKeys
      query: String
    ): ProductVariantConnection!
    inventoryItem(id: ID!): InventoryItem
    inventoryItems(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
      query: String
    ): InventoryItemConnection!
    inventoryLevel(id: ID!): InventoryLevel
    webhookSubscription(id: ID!): WebhookSubscription
    webhookSubscriptions(
      first: Int
      after: String
      last: Int
      before: String
      reverse: Boolean
      topics: [WebhookSubscriptionTopic!]
    ): WebhookSubscriptionConnection!
    currentBulkOperation(type: BulkOperationType): BulkOperation
    bulkOperation(id: ID!): BulkOperation
  }

  type Mutation {
    fulfillmentCreate(
      fulfillment: FulfillmentInput!
      message: String
    ): FulfillmentCreatePayload
    inventorySetQuantities(
      input: InventorySetQuantitiesInput!
    ): InventorySetQuantitiesPayload
    webhookSubscriptionCreate(
      topic: WebhookSubscriptionTopic!
      webhookSubscription: WebhookSubscriptionInput!
    ): WebhookSubscriptionCreatePayload
    webhookSubscriptionDelete(id: ID!): WebhookSubscriptionDeletePayload
    bulkOperationRunQuery(
      query: String!
      groupObjects: Boolean
    ): BulkOperationRunQueryPayload
  }

  schema {
    query: QueryRoot
    mutation: Mutation
  }
`;

let cached: GraphQLSchema | null = null;

/** The schema is immutable, so one instance serves every shop. */
export function adminSchema(): GraphQLSchema {
  cached ??= buildSchema(SDL);
  return cached;
}
