import { Validator, type OutputUnit, type ValidationResult } from '@cfworker/json-schema';
import common from '../../schemas/common.json' with { type: 'json' };
import departmentCreate from '../../schemas/department-create.json' with { type: 'json' };
import departmentUpdate from '../../schemas/department-update.json' with { type: 'json' };
import memberUpdate from '../../schemas/member-update.json' with { type: 'json' };
import membersCreate from '../../schemas/members-create.json' with { type: 'json' };
import rosterSync from '../../schemas/roster-sync.json' with { type: 'json' };
import rotationCreate from '../../schemas/rotation-create.json' with { type: 'json' };
import rotationMove from '../../schemas/rotation-move.json' with { type: 'json' };
import rotationRegenerate from '../../schemas/rotation-regenerate.json' with { type: 'json' };
import overrideCreate from '../../schemas/override-create.json' with { type: 'json' };
import feedCreate from '../../schemas/feed-create.json' with { type: 'json' };
import quarantineCreate from '../../schemas/quarantine-create.json' with { type: 'json' };
import quarantineLift from '../../schemas/quarantine-lift.json' with { type: 'json' };
import problemSchema from '../../schemas/problem.json' with { type: 'json' };
import settingsUpdate from '../../schemas/settings-update.json' with { type: 'json' };
import tokenCreate from '../../schemas/token-create.json' with { type: 'json' };
import invitationCreate from '../../schemas/invitation-create.json' with { type: 'json' };
import memberSlack from '../../schemas/member-slack.json' with { type: 'json' };
import type { FieldError } from '../app/failure.ts';
import { SUPPORTED_DATES } from '../domain/calendar/index.ts';
import { problem, type ProblemParams } from '../domain/problems/index.ts';

/** Every JSON Schema of schemas/, bundled (never read from disk at request time). */
export const SCHEMAS = {
  'department-create': departmentCreate,
  'department-update': departmentUpdate,
  'members-create': membersCreate,
  'member-update': memberUpdate,
  'roster-sync': rosterSync,
  'token-create': tokenCreate,
  'invitation-create': invitationCreate,
  'rotation-create': rotationCreate,
  'rotation-move': rotationMove,
  'rotation-regenerate': rotationRegenerate,
  'override-create': overrideCreate,
  'feed-create': feedCreate,
  'quarantine-create': quarantineCreate,
  'quarantine-lift': quarantineLift,
  'settings-update': settingsUpdate,
  'member-slack': memberSlack,
  problem: problemSchema,
} as const;
export const COMMON_SCHEMA = common;
export type SchemaName = keyof typeof SCHEMAS;

// @cfworker/json-schema interprets schemas without generating code, so it runs on Workers.
const validators = new Map<SchemaName, Validator>();
function validatorFor(name: SchemaName): Validator {
  let v = validators.get(name);
  if (!v) {
    v = new Validator(SCHEMAS[name] as object, '2020-12', false);
    v.addSchema(common as object);
    validators.set(name, v);
  }
  return v;
}

// Keywords that only say "something below failed"; the leaf error below says what.
const AGGREGATE = new Set([
  'properties',
  'items',
  'prefixItems',
  '$ref',
  'allOf',
  'additionalProperties',
  'unevaluatedProperties',
  'dependentSchemas',
]);

const pointer = (loc: string): string =>
  loc
    .replace(/^#/, '')
    .split('/')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    })
    .join('/');

const DATE_RANGE_MESSAGE = `must be a date from ${SUPPORTED_DATES.from} to ${SUPPORTED_DATES.to}`;

// C0 controls and DEL: RFC 5545 forbids them in calendar text, and no name needs them.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The value at a JSON Pointer of the instance, or undefined. */
function valueAt(value: unknown, path: string): unknown {
  return path
    .split('/')
    .slice(1)
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as never)[k] : undefined), value);
}

function fieldError(u: OutputUnit, value: unknown): FieldError | null {
  if (AGGREGATE.has(u.keyword)) return null;
  const at = pointer(u.instanceLocation);
  if (u.keyword === 'required') {
    const prop = /"([^"]*)"/.exec(u.error)?.[1] ?? '';
    return { path: `${at}/${prop}`, message: 'is required', ...problem('required') };
  }
  if (u.keyword === 'false')
    return { path: at, message: 'is not a known field', ...problem('unknown-field') };
  if (u.keyword === 'pattern') {
    const text = valueAt(value, at);
    if (typeof text === 'string' && CONTROL.test(text))
      return { path: at, message: 'must not contain control characters', ...problem('control') };
    // A blank (or only spaces) where text is needed: the field was left empty.
    if (typeof text === 'string' && text.trim() === '')
      return { path: at, message: 'is required', ...problem('required') };
    if (typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text))
      return {
        path: at,
        message: DATE_RANGE_MESSAGE,
        ...problem('date-out-of-range', SUPPORTED_DATES),
      };
  }
  const message = u.error
    .replace(
      /^Instance type "(\w+)" is invalid\. Expected "(\w+)"\.$/,
      'must be of type $2, not $1',
    )
    .replace(/^Instance does not match any of (.*)\.$/, 'must be one of $1')
    .replace(/^String does not match format "([\w-]+)"\.$/, 'is not a valid $1')
    .replace(/^String does not match pattern "(.*)"\.$/, 'must match the pattern $1')
    .replace(/^Instance/, 'value')
    .replace(/^String/, 'value')
    .replace(/^Array/, 'list');
  return { path: at, message, ...coded(u) };
}

const FORMATS: Record<
  string,
  'invalid-date' | 'invalid-email' | 'invalid-url' | 'invalid-datetime'
> = {
  date: 'invalid-date',
  email: 'invalid-email',
  uri: 'invalid-url',
  'date-time': 'invalid-datetime',
};

/** The code of a leaf error the validator words itself, with the limit it names. */
function coded(u: OutputUnit): { code: string; params: ProblemParams } {
  // The validator's messages end with the limit: "String is too long (201 > 200)."
  const limit = Number(/(-?\d+(?:\.\d+)?)\)?\.?$/.exec(u.error)?.[1] ?? 0);
  switch (u.keyword) {
    case 'type':
      return problem('type');
    case 'enum':
    case 'const':
      return problem('enum');
    case 'format':
      return { code: FORMATS[/"([\w-]+)"/.exec(u.error)?.[1] ?? ''] ?? 'format', params: {} };
    case 'pattern':
      return problem('format');
    case 'minLength':
      // An empty string where one character is the least: the field was left blank.
      return limit <= 1 ? problem('required') : problem('too-short', { min: limit });
    case 'maxLength':
      return problem('too-long', { max: limit });
    case 'minimum':
    case 'exclusiveMinimum':
      return problem('too-small', { min: limit });
    case 'maximum':
    case 'exclusiveMaximum':
      return problem('too-large', { max: limit });
    case 'minItems':
      return problem('too-few-items', { min: limit });
    case 'maxItems':
      return problem('too-many-items', { max: limit });
    case 'uniqueItems':
      return problem('duplicate-items');
    case 'minProperties':
      return problem('nothing-given');
    case 'not':
    case 'oneOf':
    case 'anyOf':
    case 'if':
    case 'then':
    case 'else':
      return problem('combination');
    default:
      return problem('invalid-value');
  }
}

/** Validates a value against a named schema; returns the leaf errors, each naming its field. */
export function validate(name: SchemaName, value: unknown): FieldError[] {
  return fieldErrors(validatorFor(name).validate(value), value);
}

/** The leaf errors of a validation, each naming its field (none when it is valid). */
export function fieldErrors(r: ValidationResult, value: unknown): FieldError[] {
  if (r.valid) return [];
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const u of r.errors) {
    const e = fieldError(u, value);
    if (!e) continue;
    const key = `${e.path}\0${e.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(e);
    }
  }
  return out.length
    ? out
    : [{ path: '', message: 'does not match the schema', ...problem('invalid-value') }];
}
