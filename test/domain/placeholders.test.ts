import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillPlaceholders } from '../../src/domain/placeholders.ts';

describe('fillPlaceholders', () => {
  const table: {
    name: string;
    template: string;
    vars: Record<string, string | number>;
    expect: string;
  }[] = [
    {
      name: 'fills each placeholder by name',
      template: '{a} and {b}',
      vars: { a: 'x', b: 'y' },
      expect: 'x and y',
    },
    {
      name: 'fills a placeholder every time it stands',
      template: '{n}/{n}',
      vars: { n: 2 },
      expect: '2/2',
    },
    {
      name: 'writes numbers as digits, zero included',
      template: '{count} days',
      vars: { count: 0 },
      expect: '0 days',
    },
    {
      name: 'leaves a placeholder without a value empty',
      template: 'Team {label}',
      vars: {},
      expect: 'Team ',
    },
    {
      name: 'takes no value from the object prototype',
      template: '[{constructor}]',
      vars: {},
      expect: '[]',
    },
    {
      name: 'does not fill a value that itself looks like a placeholder',
      template: '{a}',
      vars: { a: '{b}', b: 'no' },
      expect: '{b}',
    },
    {
      name: 'leaves braces around anything but a name alone',
      template: '{ a } {a-b}',
      vars: { a: 'x' },
      expect: '{ a } {a-b}',
    },
  ];
  for (const t of table)
    it(t.name, () => assert.equal(fillPlaceholders(t.template, t.vars), t.expect));
});
