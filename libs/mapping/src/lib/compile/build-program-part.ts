import type { FieldRule } from '@ferry/contracts';
import type { ProgramPart, ProgramSpan } from '../engine/program-source';
import { parseTargetPath } from './target-path';

interface ObjectNode {
  kind: 'object';
  children: Map<string, TreeNode>;
}
interface ValueNode {
  kind: 'value';
  rule: FieldRule;
}
interface ArrayNode {
  kind: 'array';
  iterator: FieldRule | null;
  path: string;
  element: ObjectNode;
}
type TreeNode = ObjectNode | ValueNode | ArrayNode;

/** A rule that cannot be placed, with the reason. */
export interface PlacementProblem {
  rule: FieldRule;
  message: string;
}

const newObject = (): ObjectNode => ({ kind: 'object', children: new Map() });

/**
 * Generates one jsonata object constructor from the field rules, so that a record is one
 * evaluation (fast, and the rules see the same input). Each rule's text is kept verbatim
 * in a parenthesised block (its own variable scope); spans record where, so that errors
 * point back to the rule, line and column. Rules must each parse alone before they are
 * generated into the program: that keeps one rule from closing another's brackets.
 */
export function buildProgramPart(rules: readonly FieldRule[]): {
  part: ProgramPart;
  problems: PlacementProblem[];
} {
  const root = newObject();
  const problems: PlacementProblem[] = [];

  for (const rule of rules) {
    const segments = parseTargetPath(rule.target);
    if (typeof segments === 'string') {
      problems.push({ rule, message: segments });
      continue;
    }
    let node: ObjectNode = root;
    let failed: string | null = null;
    let path = '';
    for (let s = 0; s < segments.length && failed === null; s++) {
      const { name, isArray } = segments[s];
      const lastSegment = s === segments.length - 1;
      path = path === '' ? name : `${path}.${name}`;
      const existing = node.children.get(name);
      if (isArray) {
        let array: ArrayNode;
        if (existing === undefined) {
          array = {
            kind: 'array',
            iterator: null,
            path: `${path}[]`,
            element: newObject(),
          };
          node.children.set(name, array);
        } else if (existing.kind === 'array') {
          array = existing;
        } else {
          failed = `"${path}" is also mapped as a ${existing.kind === 'value' ? 'single value' : 'plain object'}`;
          break;
        }
        path = `${path}[]`;
        if (lastSegment) {
          if (array.iterator !== null)
            failed = `"${rule.target}" is mapped twice`;
          else array.iterator = rule;
        }
        node = array.element;
      } else if (lastSegment) {
        if (existing !== undefined)
          failed =
            existing.kind === 'value'
              ? `"${rule.target}" is mapped twice`
              : `"${rule.target}" also has rules for its fields`;
        else node.children.set(name, { kind: 'value', rule });
      } else if (existing === undefined) {
        const child = newObject();
        node.children.set(name, child);
        node = child;
      } else if (existing.kind === 'object') {
        node = existing;
      } else {
        failed = `"${path}" is also mapped as ${existing.kind === 'value' ? 'a single value' : 'an array'}`;
      }
    }
    if (failed !== null) problems.push({ rule, message: failed });
  }

  let text = '';
  const spans: ProgramSpan[] = [];
  const usesIndex = (node: ObjectNode): boolean =>
    [...node.children.values()].some((child) =>
      child.kind === 'value'
        ? /\$index\b/.test(child.rule.expression)
        : child.kind === 'object'
          ? usesIndex(child)
          : false,
    );
  const emitRule = (rule: FieldRule): void => {
    text += '(\n';
    spans.push({
      field: rule.target,
      start: text.length,
      end: text.length + rule.expression.length,
    });
    text += `${rule.expression}\n)`;
  };
  const emitObject = (node: ObjectNode, indent: string): void => {
    text += '{';
    let first = true;
    for (const [name, child] of node.children) {
      text += `${first ? '' : ','}\n${indent}  ${JSON.stringify(name)}: `;
      first = false;
      if (child.kind === 'value') emitRule(child.rule);
      else if (child.kind === 'object') emitObject(child, `${indent}  `);
      else if (child.iterator === null) {
        problems.push({
          rule: firstRuleOf(child.element),
          message: `"${child.path}" needs a rule of its own that lists the rows`,
        });
      } else {
        text += '[';
        emitRule(child.iterator);
        if (child.element.children.size > 0) {
          text += usesIndex(child.element) ? '#$index.' : '.';
          emitObject(child.element, `${indent}  `);
        }
        text += ']';
      }
    }
    text += `\n${indent}}`;
  };
  emitObject(root, '');
  return { part: { text, spans }, problems };
}

function firstRuleOf(node: ObjectNode): FieldRule {
  for (const child of node.children.values()) {
    if (child.kind === 'value') return child.rule;
    const inner =
      child.kind === 'array'
        ? (child.iterator ?? firstRuleOf(child.element))
        : firstRuleOf(child);
    if (inner !== undefined) return inner;
  }
  return { target: '', expression: '' };
}
