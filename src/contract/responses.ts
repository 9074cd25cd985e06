import { Validator } from '@cfworker/json-schema';
import audit from '../../schemas/responses/audit.json' with { type: 'json' };
import calendar from '../../schemas/responses/calendar.json' with { type: 'json' };
import capacity from '../../schemas/responses/capacity.json' with { type: 'json' };
import department from '../../schemas/responses/department.json' with { type: 'json' };
import departments from '../../schemas/responses/departments.json' with { type: 'json' };
import exposures from '../../schemas/responses/exposures.json' with { type: 'json' };
import exposuresCsv from '../../schemas/responses/exposures-csv.json' with { type: 'json' };
import feedCreated from '../../schemas/responses/feed-created.json' with { type: 'json' };
import feedRevoked from '../../schemas/responses/feed-revoked.json' with { type: 'json' };
import feeds from '../../schemas/responses/feeds.json' with { type: 'json' };
import health from '../../schemas/responses/health.json' with { type: 'json' };
import member from '../../schemas/responses/member.json' with { type: 'json' };
import memberChange from '../../schemas/responses/member-change.json' with { type: 'json' };
import memberSchedule from '../../schemas/responses/member-schedule.json' with { type: 'json' };
import members from '../../schemas/responses/members.json' with { type: 'json' };
import membersCsv from '../../schemas/responses/members-csv.json' with { type: 'json' };
import rosterEffects from '../../schemas/responses/roster-effects.json' with { type: 'json' };
import rosterSync from '../../schemas/responses/roster-sync.json' with { type: 'json' };
import move from '../../schemas/responses/move.json' with { type: 'json' };
import override from '../../schemas/responses/override.json' with { type: 'json' };
import overrides from '../../schemas/responses/overrides.json' with { type: 'json' };
import openapi from '../../schemas/responses/openapi.json' with { type: 'json' };
import outbox from '../../schemas/responses/outbox.json' with { type: 'json' };
import outboxMessage from '../../schemas/responses/outbox-message.json' with { type: 'json' };
import quarantine from '../../schemas/responses/quarantine.json' with { type: 'json' };
import quarantineLifted from '../../schemas/responses/quarantine-lifted.json' with { type: 'json' };
import quarantineMarked from '../../schemas/responses/quarantine-marked.json' with { type: 'json' };
import quarantines from '../../schemas/responses/quarantines.json' with { type: 'json' };
import rotation from '../../schemas/responses/rotation.json' with { type: 'json' };
import rotationReport from '../../schemas/responses/rotation-report.json' with { type: 'json' };
import rotationSchedule from '../../schemas/responses/rotation-schedule.json' with { type: 'json' };
import rotations from '../../schemas/responses/rotations.json' with { type: 'json' };
import settings from '../../schemas/responses/settings.json' with { type: 'json' };
import scheduleCsv from '../../schemas/responses/schedule-csv.json' with { type: 'json' };
import survivability from '../../schemas/responses/survivability.json' with { type: 'json' };
import token from '../../schemas/responses/token.json' with { type: 'json' };
import tokenIssued from '../../schemas/responses/token-issued.json' with { type: 'json' };
import tokens from '../../schemas/responses/tokens.json' with { type: 'json' };
import invitationIssued from '../../schemas/responses/invitation-issued.json' with { type: 'json' };
import invitations from '../../schemas/responses/invitations.json' with { type: 'json' };
import invitationRevoked from '../../schemas/responses/invitation-revoked.json' with { type: 'json' };
import memberInvitations from '../../schemas/responses/member-invitations.json' with { type: 'json' };
import people from '../../schemas/responses/people.json' with { type: 'json' };
import departmentBoard from '../../schemas/responses/department-board.json' with { type: 'json' };
import organisationBoard from '../../schemas/responses/organisation-board.json' with { type: 'json' };
import memberToday from '../../schemas/responses/member-today.json' with { type: 'json' };
import slackAnswer from '../../schemas/responses/slack-answer.json' with { type: 'json' };
import type { FieldError } from '../app/failure.ts';
import { COMMON_SCHEMA, fieldErrors } from './schemas.ts';

/** The JSON Schema of every success answer, bundled from schemas/responses/ (never read at request time). */
export const RESPONSE_SCHEMAS = {
  audit,
  calendar,
  capacity,
  department,
  departments,
  exposures,
  'exposures-csv': exposuresCsv,
  'feed-created': feedCreated,
  'feed-revoked': feedRevoked,
  feeds,
  health,
  member,
  'member-change': memberChange,
  'member-schedule': memberSchedule,
  members,
  'members-csv': membersCsv,
  move,
  openapi,
  override,
  overrides,
  outbox,
  'outbox-message': outboxMessage,
  quarantine,
  'quarantine-lifted': quarantineLifted,
  'quarantine-marked': quarantineMarked,
  quarantines,
  rotation,
  'rotation-report': rotationReport,
  'rotation-schedule': rotationSchedule,
  rotations,
  'roster-effects': rosterEffects,
  'roster-sync': rosterSync,
  settings,
  'schedule-csv': scheduleCsv,
  survivability,
  token,
  'token-issued': tokenIssued,
  tokens,
  'invitation-issued': invitationIssued,
  invitations,
  'invitation-revoked': invitationRevoked,
  'member-invitations': memberInvitations,
  people,
  'department-board': departmentBoard,
  'organisation-board': organisationBoard,
  'member-today': memberToday,
  'slack-answer': slackAnswer,
} as const;
/** A response schema's name: its file in schemas/responses/. */
export type ResponseName = keyof typeof RESPONSE_SCHEMAS;

/** The name of a response schema among the OpenAPI document's components. */
export const responseComponent = (name: ResponseName): string => `${name}-response`;

const validators = new Map<ResponseName, Validator>();
function validatorFor(name: ResponseName): Validator {
  let v = validators.get(name);
  if (!v) {
    v = new Validator(RESPONSE_SCHEMAS[name] as object, '2020-12', false);
    // Responses share common.json's definitions and refer to each other (a list to its items).
    v.addSchema(COMMON_SCHEMA as object);
    for (const s of Object.values(RESPONSE_SCHEMAS))
      if (s !== RESPONSE_SCHEMAS[name]) v.addSchema(s as object);
    validators.set(name, v);
  }
  return v;
}

/** Checks an answer against the response schema of its operation; returns the leaf errors, each naming its field. */
export function validateResponse(name: ResponseName, value: unknown): FieldError[] {
  return fieldErrors(validatorFor(name).validate(value), value);
}
