import { createHash } from 'node:crypto';
import type { MappingDefinition } from '@ferry/contracts';
import { canonicalJson } from './canonical-json';
import { mappingContentHash } from './mapping-content-hash';
import { sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it.each([
    '',
    'abc',
    'a'.repeat(55),
    'a'.repeat(56),
    'a'.repeat(64),
    'x'.repeat(1000),
    'Zoë — 日本語 🚚',
  ])('matches node:crypto for %#', (text) => {
    expect(sha256Hex(text)).toBe(
      createHash('sha256').update(text, 'utf8').digest('hex'),
    );
  });

  it('gives the FIPS 180-4 vector for "abc"', () => {
    expect(sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(
      canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined }], c: null } }),
    ).toBe('{"a":{"c":null,"d":[3,{"z":1}]},"b":1}');
  });
});

describe('mappingContentHash', () => {
  const definition: MappingDefinition = {
    flow: 'orders',
    targetSchemaId: 'cimcloud.passthrough-order',
    fieldRules: [{ target: 'order_number', expression: 'name' }],
    lookupTables: [],
    testCases: [],
  };

  it('ignores key order and changes with any content', () => {
    const reordered = JSON.parse(
      '{"testCases":[],"lookupTables":[],"fieldRules":[{"expression":"name","target":"order_number"}],"targetSchemaId":"cimcloud.passthrough-order","flow":"orders"}',
    );
    expect(mappingContentHash(reordered)).toBe(mappingContentHash(definition));
    expect(mappingContentHash(definition)).toMatch(/^sha256:[0-9a-f]{64}$/);
    const changed = {
      ...definition,
      fieldRules: [{ target: 'order_number', expression: 'name ' }],
    };
    expect(mappingContentHash(changed)).not.toBe(
      mappingContentHash(definition),
    );
  });
});
