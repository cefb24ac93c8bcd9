/** Fills `{slot}` placeholders of a profile's message template. */
export function fillMessage(template: string, slots: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in slots ? String(slots[key]) : whole));
}
