import {
  DocumentNode,
  execute,
  FragmentDefinitionNode,
  getVariableValues,
  GraphQLError,
  OperationDefinitionNode,
  parse,
  validate,
} from 'graphql';
import { EmulatorClock } from '../clock/emulator-clock';
import { LeakyBucket, ThrottleStatus } from '../throttle/leaky-bucket';
import { adminSchema } from './admin-schema';
import { mutationRoot } from './mutation-root';
import {
  actualCost,
  CostInput,
  MAX_QUERY_COST,
  requestedCost,
} from './query-cost';
import { queryRoot } from './query-root';
import { RequestContext } from './request-context';

export interface GraphQLRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface AdminResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface AdminRequest {
  ctx: RequestContext;
  bucket: LeakyBucket;
  clock: EmulatorClock;
  body: GraphQLRequestBody;
  /** 'http429' answers throttling with 429 + Retry-After instead of 200 THROTTLED. */
  throttleMode: 'graphql' | 'http429';
  /** A forced-throttling fault applies to this request. */
  forceThrottle: boolean;
}

interface CostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

function ok(body: unknown): AdminResponse {
  return { status: 200, headers: {}, body };
}

function errorsOnly(
  errors: readonly GraphQLError[],
  cost?: CostExtension,
): AdminResponse {
  const body: Record<string, unknown> = {
    errors: errors.map((e) => e.toJSON()),
  };
  if (cost) body['extensions'] = { cost };
  return ok(body);
}

function maxCostMessage(cost: number): string {
  return (
    `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).\n\n` +
    'See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n' +
    'cost of a query is calculated.\n\n' +
    'To query larger amounts of data with fewer limits, bulk operations should be used instead.\n' +
    'See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n'
  );
}

/**
 * One GraphQL Admin request: parse, validate, price it, charge the bucket up front,
 * execute, then refund the difference between requested and actual cost.
 */
export async function executeAdminRequest(
  request: AdminRequest,
): Promise<AdminResponse> {
  const { body, bucket } = request;
  if (typeof body.query !== 'string' || body.query.trim() === '') {
    return {
      status: 400,
      headers: {},
      body: { errors: { query: 'Required parameter missing or invalid' } },
    };
  }
  let document: DocumentNode;
  try {
    document = parse(body.query);
  } catch (error) {
    return errorsOnly([error as GraphQLError]);
  }
  const schema = adminSchema();
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return errorsOnly(validationErrors);

  const operationName =
    typeof body.operationName === 'string' ? body.operationName : null;
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
  );
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) {
    const message = operationName
      ? `No operation named "${operationName}"`
      : 'An operation name is required';
    return errorsOnly([new GraphQLError(message)]);
  }
  const rawVariables =
    typeof body.variables === 'object' && body.variables !== null
      ? (body.variables as Record<string, unknown>)
      : {};
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    rawVariables,
  );
  if (coerced.errors) return errorsOnly(coerced.errors);

  const costInput: CostInput = {
    schema,
    operation,
    fragments: document.definitions.filter(
      (d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition',
    ),
    variables: coerced.coerced,
  };
  const requested = requestedCost(costInput);
  if (requested.errors.length > 0) {
    return errorsOnly(requested.errors, {
      requestedQueryCost: requested.cost,
      actualQueryCost: null,
      throttleStatus: bucket.status(),
    });
  }
  if (requested.cost > MAX_QUERY_COST) {
    const error = new GraphQLError(maxCostMessage(requested.cost), {
      extensions: {
        code: 'MAX_COST_EXCEEDED',
        cost: requested.cost,
        maxCost: MAX_QUERY_COST,
        documentation: 'https://shopify.dev/api/usage/rate-limits',
      },
    });
    return errorsOnly([error], {
      requestedQueryCost: requested.cost,
      actualQueryCost: null,
      throttleStatus: bucket.status(),
    });
  }
  if (request.forceThrottle) bucket.drain();
  if (!bucket.tryTake(requested.cost)) {
    return throttled(request, requested.cost);
  }

  const result = await execute({
    schema,
    document,
    rootValue: operation.operation === 'mutation' ? mutationRoot : queryRoot,
    contextValue: request.ctx,
    variableValues: coerced.coerced,
    operationName: operation.name?.value,
  });
  const actual = Math.min(requested.cost, actualCost(costInput, result.data));
  bucket.refund(requested.cost - actual);
  const response: Record<string, unknown> = {};
  if (result.errors) response['errors'] = result.errors.map((e) => e.toJSON());
  response['data'] = result.data ?? null;
  response['extensions'] = {
    cost: {
      requestedQueryCost: requested.cost,
      actualQueryCost: actual,
      throttleStatus: bucket.status(),
    },
  };
  return ok(response);
}

function throttled(request: AdminRequest, cost: number): AdminResponse {
  const status = request.bucket.status();
  const body = {
    errors: [
      {
        message: 'Throttled',
        extensions: {
          code: 'THROTTLED',
          documentation: 'https://shopify.dev/api/usage/rate-limits',
        },
      },
    ],
    extensions: {
      cost: {
        requestedQueryCost: cost,
        actualQueryCost: null,
        throttleStatus: status,
      },
    },
  };
  if (request.throttleMode === 'http429') {
    // Retry-After is in (real) seconds; never 0 so clients do wait.
    const seconds = Math.max(
      1,
      Math.ceil(
        request.clock.toRealMs(request.bucket.secondsUntil(cost) * 1000) / 1000,
      ),
    );
    return { status: 429, headers: { 'Retry-After': String(seconds) }, body };
  }
  return ok(body);
}
