import {
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  getNamedType,
  GraphQLError,
  GraphQLObjectType,
  GraphQLSchema,
  isLeafType,
  isObjectType,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

/**
 * Shopify's calculated query cost, computed statically before execution:
 * scalar/enum 0, object 1, connection 2 + page size × cost of one node, mutation 10.
 * The actual cost walks the result instead, counting nodes really returned.
 */
export const MAX_QUERY_COST = 1000;
export const MAX_PAGE_SIZE = 250;
const MUTATION_COST = 10;
const CONNECTION_BASE_COST = 2;

/** Assumed wording (not published by Shopify); kept in one place. */
export function pageSizeMessage(argument: string, size: number): string {
  return `The ${argument} argument must be at most ${MAX_PAGE_SIZE}, got ${size}.`;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
}

type Json = unknown;

function asRecord(value: Json): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Fields selected on `type`, with fragments expanded. */
function fieldsOf(
  walk: Walk,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  out: FieldNode[] = [],
): FieldNode[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'Field') out.push(selection);
    else if (selection.kind === 'InlineFragment') {
      if (
        !selection.typeCondition ||
        selection.typeCondition.name.value === type.name
      )
        fieldsOf(walk, type, selection.selectionSet, out);
    } else {
      const fragment = walk.fragments.get(selection.name.value);
      if (fragment && fragment.typeCondition.name.value === type.name)
        fieldsOf(walk, type, fragment.selectionSet, out);
    }
  }
  return out;
}

function pageSize(
  walk: Walk,
  parent: GraphQLObjectType,
  field: FieldNode,
): number {
  const def = parent.getFields()[field.name.value];
  if (!def) return 0;
  const args = getArgumentValues(def, field, walk.variables);
  const first = args['first'];
  const last = args['last'];
  const size =
    typeof first === 'number' ? first : typeof last === 'number' ? last : null;
  if (size === null) {
    walk.errors.push(
      new GraphQLError('you must provide one of first or last', {
        nodes: field,
      }),
    );
    return 0;
  }
  const argument = typeof first === 'number' ? 'first' : 'last';
  if (size > MAX_PAGE_SIZE || size < 0) {
    walk.errors.push(
      new GraphQLError(pageSizeMessage(argument, size), {
        nodes: field,
        extensions: { code: 'BAD_REQUEST' },
      }),
    );
  }
  if (typeof first === 'number' && typeof last === 'number') {
    walk.errors.push(
      new GraphQLError('providing both first and last is not supported', {
        nodes: field,
      }),
    );
  }
  return size;
}

/** Cost of the selection on one connection node (edges.node and/or nodes). */
function nodeCost(
  walk: Walk,
  connectionType: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  data: Json,
): {
  perNode: number;
  actual: number;
} {
  let perNode = 0;
  let actual = 0;
  const record = asRecord(data);
  for (const field of fieldsOf(walk, connectionType, selectionSet)) {
    const key = field.alias?.value ?? field.name.value;
    if (field.name.value === 'nodes' && field.selectionSet) {
      const nodeType = getNamedType(connectionType.getFields()['nodes']?.type);
      if (!isObjectType(nodeType)) continue;
      perNode +=
        1 + selectionCost(walk, nodeType, field.selectionSet, undefined);
      const list = record?.[key];
      if (Array.isArray(list))
        for (const node of list)
          actual +=
            node === null
              ? 0
              : 1 + selectionCost(walk, nodeType, field.selectionSet, node);
    } else if (field.name.value === 'edges' && field.selectionSet) {
      const edgeType = getNamedType(connectionType.getFields()['edges']?.type);
      if (!isObjectType(edgeType)) continue;
      for (const edgeField of fieldsOf(walk, edgeType, field.selectionSet)) {
        if (edgeField.name.value !== 'node' || !edgeField.selectionSet)
          continue;
        const nodeType = getNamedType(edgeType.getFields()['node']?.type);
        if (!isObjectType(nodeType)) continue;
        perNode +=
          1 + selectionCost(walk, nodeType, edgeField.selectionSet, undefined);
        const edges = record?.[key];
        const nodeKey = edgeField.alias?.value ?? 'node';
        if (Array.isArray(edges)) {
          for (const edge of edges) {
            const node = asRecord(edge)?.[nodeKey];
            actual +=
              node === null || node === undefined
                ? 0
                : 1 +
                  selectionCost(walk, nodeType, edgeField.selectionSet, node);
          }
        }
      }
    }
  }
  return { perNode, actual };
}

/**
 * Requested cost when `data` is undefined; actual cost (from returned data) otherwise.
 */
function selectionCost(
  walk: Walk,
  type: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  data: Json,
): number {
  let total = 0;
  const record = asRecord(data);
  const actualMode = data !== undefined;
  for (const field of fieldsOf(walk, type, selectionSet)) {
    if (field.name.value.startsWith('__')) continue;
    const def = type.getFields()[field.name.value];
    if (!def) continue;
    const named = getNamedType(def.type);
    if (isLeafType(named) || !field.selectionSet || !isObjectType(named))
      continue;
    const key = field.alias?.value ?? field.name.value;
    const value = actualMode ? record?.[key] : undefined;
    if (named.name.endsWith('Connection')) {
      const size = actualMode ? 0 : pageSize(walk, type, field);
      if (actualMode && value === null) continue;
      const cost = nodeCost(
        walk,
        named,
        field.selectionSet,
        actualMode ? value : undefined,
      );
      total +=
        CONNECTION_BASE_COST + (actualMode ? cost.actual : size * cost.perNode);
      continue;
    }
    if (actualMode) {
      if (value === null || value === undefined) continue;
      const items = Array.isArray(value) ? value : [value];
      const first = items[0];
      total +=
        1 +
        (first === undefined
          ? 0
          : selectionCost(walk, named, field.selectionSet, first));
    } else {
      total += 1 + selectionCost(walk, named, field.selectionSet, undefined);
    }
  }
  return total;
}

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: FragmentDefinitionNode[];
  variables: Record<string, unknown>;
}

function walkFor(input: CostInput): Walk {
  return {
    schema: input.schema,
    fragments: new Map(input.fragments.map((f) => [f.name.value, f])),
    variables: input.variables,
    errors: [],
  };
}

function rootType(input: CostInput): GraphQLObjectType | null | undefined {
  return input.operation.operation === 'mutation'
    ? input.schema.getMutationType()
    : input.schema.getQueryType();
}

/** Requested cost plus the pagination errors found on the way. */
export function requestedCost(input: CostInput): {
  cost: number;
  errors: GraphQLError[];
} {
  const walk = walkFor(input);
  const root = rootType(input);
  if (!root) return { cost: 0, errors: [] };
  if (input.operation.operation === 'mutation') {
    const fields = fieldsOf(walk, root, input.operation.selectionSet);
    // Validate connection sizes inside payloads too, but price each mutation flat.
    selectionCost(walk, root, input.operation.selectionSet, undefined);
    return { cost: MUTATION_COST * fields.length, errors: walk.errors };
  }
  const cost = selectionCost(
    walk,
    root,
    input.operation.selectionSet,
    undefined,
  );
  return { cost, errors: walk.errors };
}

export function actualCost(
  input: CostInput,
  data: Record<string, unknown> | null | undefined,
): number {
  const walk = walkFor(input);
  const root = rootType(input);
  if (!root) return 0;
  if (input.operation.operation === 'mutation')
    return (
      MUTATION_COST * fieldsOf(walk, root, input.operation.selectionSet).length
    );
  return selectionCost(walk, root, input.operation.selectionSet, data ?? {});
}
