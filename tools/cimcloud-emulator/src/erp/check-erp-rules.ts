import { readField, type FieldValues, type PassthroughOrder } from '../passthrough/passthrough-order';
import type { ErpFieldRule, ErpProfile } from './erp-profile';
import { fillMessage } from './fill-message';
import type { MasterStore } from './master-store';

/** The first rule an order breaks, worded as the ERP would word it. */
export interface ErpRejection {
  message: string;
  erpField: string;
  /** Pass-through path, with the line index for detail fields (details[1].sku). */
  path: string;
}

function checkValue(
  rule: ErpFieldRule,
  profile: ErpProfile,
  master: MasterStore,
  order: PassthroughOrder,
  value: string | number | boolean | undefined,
): string | undefined {
  const m = profile.messages;
  const slots: Record<string, string | number> = { field: rule.erpField, value: value === undefined ? '' : String(value) };
  const when = rule.requiredWhen;
  const whenHolds = when !== undefined && String(readField(order, when.source) ?? '') === when.equals;
  if (when) Object.assign(slots, { other: when.source, equals: when.equals });

  if (value === undefined) {
    if (rule.required) return fillMessage(m.required, slots);
    if (whenHolds) return fillMessage(m.requiredWhen, slots);
    return undefined;
  }
  const text = String(value);
  if (when && !whenHolds) return fillMessage(m.forbiddenUnless, slots);
  if (rule.positive && !(typeof value === 'number' && value > 0)) return fillMessage(m.positive, slots);
  if (rule.maxLength !== undefined && text.length > rule.maxLength) {
    return fillMessage(m.maxLength, { ...slots, max: rule.maxLength });
  }
  if (rule.pattern !== undefined && !new RegExp(rule.pattern).test(text)) {
    return fillMessage(m.pattern, { ...slots, pattern: rule.patternText ?? rule.pattern });
  }
  if (rule.upperCase && text !== text.toUpperCase()) return fillMessage(m.upperCase, slots);
  if (rule.allowed && !rule.allowed.includes(text)) {
    const allowed = rule.allowed.join(', ');
    const template = rule.notImported?.includes(text) ? m.notImported : m.notAllowed;
    return fillMessage(template, { ...slots, allowed });
  }
  if (rule.lookup) {
    const division = String(readField(order, 'customer.division_no') ?? '');
    if (!master.has(rule.lookup, text, division)) {
      const shown = rule.lookup === 'customer' ? `${division}-${text}` : text;
      return fillMessage(m.notOnFile, { ...slots, value: shown });
    }
  }
  return undefined;
}

/** Runs the profile's rules in order and returns the first failure, if any. */
export function checkErpRules(order: PassthroughOrder, profile: ErpProfile, master: MasterStore): ErpRejection | undefined {
  const headerRules = profile.rules.filter((r) => !r.source.startsWith('details[].'));
  const lineRules = profile.rules.filter((r) => r.source.startsWith('details[].'));
  for (const rule of headerRules) {
    const message = checkValue(rule, profile, master, order, readField(order, rule.source));
    if (message) return { message, erpField: rule.erpField, path: rule.source };
  }
  const lines: FieldValues[] = order.details;
  for (const [index, line] of lines.entries()) {
    for (const rule of lineRules) {
      const message = checkValue(rule, profile, master, order, readField(order, rule.source, line));
      if (message) {
        const prefix = fillMessage(profile.messages.linePrefix, { line: index + 1 });
        return {
          message: `${prefix}${message}`,
          erpField: rule.erpField,
          path: rule.source.replace('details[]', `details[${index}]`),
        };
      }
    }
  }
  return undefined;
}
