import { problem, type ProblemCode } from '../../domain/problems/index.ts';
import { upsertSsoQuery } from '../../db/repos/sso.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { Actor } from '../actor.ts';
import { auditEntry } from '../audit/index.ts';
import type { Deps } from '../deps.ts';
import { forbidden, invalid, type Failure, type FieldError } from '../failure.ts';
import { discover, ssoConfig, redirectUri } from './provider.ts';
import { issuerProblem } from './rules.ts';

/** The provider settings as the admin's page shows them: the secret only masked. */
export interface SsoView {
  issuer: string;
  clientId: string;
  /** `••••` and the secret's last 4 characters, or null when there is none. */
  secretMasked: string | null;
  fromEnv: boolean;
  emailClaim: string;
  groupClaim: string;
  hrGroup: string;
  adminGroup: string;
  mfaTrusted: boolean;
  mfaAcr: string;
  required: boolean;
  ready: boolean;
  redirectUri: string;
}

/** A secret shown masked: never more than its last 4 characters, and only of a long one. */
export const maskSecret = (s: string | null): string | null =>
  s ? `••••${s.length >= 16 ? s.slice(-4) : ''}` : null;

/** The provider settings (admin). */
export async function readSso(deps: Deps, actor: Actor): Promise<Result<SsoView, Failure>> {
  if (actor.role !== 'admin') return err(forbidden('Only admins see single sign-on settings.'));
  const cfg = await ssoConfig(deps);
  const s = cfg.stored;
  return ok({
    issuer: cfg.issuer ?? '',
    clientId: cfg.clientId ?? '',
    secretMasked: maskSecret(cfg.clientSecret),
    fromEnv: cfg.fromEnv,
    emailClaim: s.emailClaim ?? '',
    groupClaim: s.groupClaim ?? '',
    hrGroup: s.hrGroup ?? '',
    adminGroup: s.adminGroup ?? '',
    mfaTrusted: s.mfaTrusted,
    mfaAcr: s.mfaAcr ?? '',
    required: s.required,
    ready: cfg.ready,
    redirectUri: redirectUri(deps),
  });
}

/** A change of the provider settings as typed (empty: unset; an empty secret keeps the stored one). */
export interface SsoUpdate {
  issuer: string;
  clientId: string;
  clientSecret: string;
  emailClaim: string;
  groupClaim: string;
  hrGroup: string;
  adminGroup: string;
  mfaTrusted: boolean;
  mfaAcr: string;
  required: boolean;
}

const CLAIM = /^[A-Za-z0-9_.:/-]{1,100}$/;
const VALUE = /^[^\p{Cc}]{1,200}$/u;

/** What is wrong with a change, by field. */
function problems(input: SsoUpdate, secretKnown: boolean, fromEnv: boolean): FieldError[] {
  const out: FieldError[] = [];
  const issue = (path: string, code: ProblemCode, message: string) =>
    out.push({ path: `/${path}`, code, params: {}, message });
  if (!fromEnv && input.issuer) {
    const problem = issuerProblem(input.issuer);
    if (problem) issue('issuer', `issuer-${problem}`, `issuer: ${problem}`);
    if (!input.clientId) issue('clientId', 'required', 'is required');
    if (!input.clientSecret && !secretKnown) issue('clientSecret', 'required', 'is required');
  }
  for (const f of ['clientId', 'clientSecret', 'hrGroup', 'adminGroup', 'mfaAcr'] as const)
    if (input[f] && !VALUE.test(input[f]))
      issue(f, 'control', 'must not contain control characters');
  for (const f of ['emailClaim', 'groupClaim'] as const)
    if (input[f] && !CLAIM.test(input[f])) issue(f, 'claim', 'is not a claim name');
  if (input.required && !fromEnv && !input.issuer)
    issue('required', 'sso-required-off', 'needs a provider');
  return out;
}

/** Saves the provider settings (admin; audited without the secret). */
export async function updateSso(
  deps: Deps,
  actor: Actor,
  input: SsoUpdate,
): Promise<Result<true, Failure>> {
  if (actor.role !== 'admin') return err(forbidden('Only admins change single sign-on.'));
  const cfg = await ssoConfig(deps);
  const keepSecret = !input.clientSecret && input.issuer === (cfg.stored.issuer ?? '');
  const errors = problems(input, keepSecret && Boolean(cfg.stored.clientSecret), cfg.fromEnv);
  if (errors.length) return err(invalid('The single sign-on settings are not valid.', errors));
  const secret = input.clientSecret || cfg.stored.clientSecret;
  if (!cfg.fromEnv && input.issuer && secret) {
    // A provider that cannot be discovered now would only fail at everyone's next sign-in.
    const found = await discover(input.issuer, input.clientId, secret).then(
      () => null,
      (e: Error) => [e.message, e.cause instanceof Error ? e.cause.message : null].filter(Boolean),
    );
    if (found)
      return err(
        invalid('The single sign-on settings are not valid.', [
          {
            path: '/issuer',
            ...problem('issuer-discovery'),
            message: found.join(': ').slice(0, 200),
          },
        ]),
      );
  }
  const at = deps.now().toISOString();
  const blank = (v: string) => v.trim() || null;
  const next = {
    issuer: cfg.fromEnv ? cfg.stored.issuer : blank(input.issuer),
    clientId: cfg.fromEnv ? cfg.stored.clientId : blank(input.clientId),
    ...(cfg.fromEnv || keepSecret ? {} : { clientSecret: blank(input.clientSecret) }),
    emailClaim: blank(input.emailClaim),
    groupClaim: blank(input.groupClaim),
    hrGroup: blank(input.hrGroup),
    adminGroup: blank(input.adminGroup),
    mfaTrusted: input.mfaTrusted,
    mfaAcr: blank(input.mfaAcr),
    required: input.required,
  };
  const { clientSecret: _secret, ...shown } = next;
  await deps.atomic([
    upsertSsoQuery(deps.db, next, at, actor.tokenId),
    auditEntry(
      deps,
      actor,
      at,
      'sso.update',
      { type: 'settings', id: 'sso' },
      {
        ...shown,
        secretChanged: 'clientSecret' in next,
      },
    ),
  ]);
  return ok(true);
}
