import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as oidc from 'openid-client';
import {
  discover,
  emailOf,
  groupAllows,
  issuerProblem,
  needsSecondFactor,
  type ClaimRules,
} from '../../src/app/sso/index.ts';

// Discovery documents as Entra ID serves them (hand-written after its published shape): a
// tenant's, whose issuer names the tenant, and /common's, whose issuer is a `{tenantid}` template.
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const fixture = (name: string) =>
  readFileSync(
    new URL(`../fixtures/entra/${name}-openid-configuration.json`, import.meta.url),
    'utf8',
  );
/** A fetch that answers the discovery URL of `issuer` with a recorded document, nothing else. */
const recorded =
  (issuer: string, body: string): oidc.CustomFetch =>
  async (url) => {
    assert.equal(url, `${issuer}/.well-known/openid-configuration`);
    return new Response(body, { headers: { 'content-type': 'application/json' } });
  };

describe('the issuer rule', () => {
  const cases: { name: string; issuer: string; expect: ReturnType<typeof issuerProblem> }[] = [
    {
      name: 'an Entra tenant',
      issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
      expect: null,
    },
    {
      name: 'Entra /common',
      issuer: 'https://login.microsoftonline.com/common/v2.0',
      expect: 'entra-multi-tenant',
    },
    {
      name: 'Entra /organizations',
      issuer: 'https://login.microsoftonline.com/organizations/v2.0',
      expect: 'entra-multi-tenant',
    },
    {
      name: 'Entra /Consumers (any case)',
      issuer: 'https://login.microsoftonline.com/Consumers/v2.0',
      expect: 'entra-multi-tenant',
    },
    { name: 'Google', issuer: 'https://accounts.google.com', expect: null },
    { name: 'a Keycloak realm', issuer: 'https://sso.example.jp/realms/pref', expect: null },
    {
      name: 'plain http elsewhere',
      issuer: 'http://sso.example.jp/realms/pref',
      expect: 'not-https',
    },
    {
      name: 'plain http on loopback (a test provider)',
      issuer: 'http://localhost:9000',
      expect: null,
    },
    { name: 'not a URL', issuer: 'login.microsoftonline.com', expect: 'not-url' },
    { name: 'a query', issuer: 'https://sso.example.jp/?x=1', expect: 'not-url' },
  ];
  for (const c of cases)
    it(`${c.name}: ${c.expect ?? 'usable'}`, () => assert.equal(issuerProblem(c.issuer), c.expect));
});

describe('Microsoft Entra ID discovery (recorded documents)', () => {
  it('a tenant-specific issuer is discovered and sends people to its own authorize endpoint', async () => {
    const issuer = `https://login.microsoftonline.com/${TENANT}/v2.0`;
    const config = await discover(issuer, 'client-id', 'client-secret-0123456789', {
      fetch: recorded(issuer, fixture('tenant')),
    });
    assert.equal(config.serverMetadata().issuer, issuer);
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: 'https://bunsan.example.jp/signin/oidc/callback',
      scope: 'openid email profile',
      state: 's',
      nonce: 'n',
      code_challenge: 'c',
      code_challenge_method: 'S256',
    });
    assert.equal(
      url.origin + url.pathname,
      `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/authorize`,
    );
  });

  it('/common publishes a {tenantid} issuer: openid-client would take any tenant’s tokens, so bunsan refuses it before asking', async () => {
    const issuer = 'https://login.microsoftonline.com/common/v2.0';
    const doc = JSON.parse(fixture('common'));
    assert.equal(doc.issuer, 'https://login.microsoftonline.com/{tenantid}/v2.0');
    // A strict issuer check fails: the document's issuer is not the URL asked for.
    assert.notEqual(doc.issuer, issuer);
    // openid-client knows Entra: it keeps the template and checks each ID token's `iss` against
    // it with that token's own `tid`, so a token of any tenant (anyone's, the attacker's own)
    // would pass, and linking by e-mail would trust that tenant's claims.
    const config = await oidc.discovery(
      new URL(issuer),
      'client-id',
      'client-secret-0123456789',
      undefined,
      {
        [oidc.customFetch]: recorded(issuer, fixture('common')),
      },
    );
    assert.equal(config.serverMetadata().issuer, doc.issuer);
    // bunsan refuses it twice: the issuer rule (on the settings page), and after discovery.
    await assert.rejects(
      discover(issuer, 'client-id', 'client-secret-0123456789', {
        fetch: recorded(issuer, fixture('common')),
      }),
      /multi-tenant template/,
    );
    assert.equal(issuerProblem(issuer), 'entra-multi-tenant');
  });
});

const RULES: ClaimRules = {
  emailClaim: 'email',
  groupClaim: 'groups',
  roleGroups: { hr: 'grp-hr' },
  mfaTrusted: false,
  mfaAcr: null,
};

describe('what the ID token decides', () => {
  it('links by email only when email_verified is true; a configured claim as it is', () => {
    assert.equal(emailOf({ email: 'a@example.jp', email_verified: true }, RULES), 'a@example.jp');
    assert.equal(emailOf({ email: 'a@example.jp', email_verified: 'true' }, RULES), null);
    assert.equal(emailOf({ email: 'a@example.jp' }, RULES), null);
    assert.equal(emailOf({ upn: 'a@example.jp' }, { emailClaim: 'upn' }), 'a@example.jp');
    assert.equal(emailOf({ upn: 'not-an-address' }, { emailClaim: 'upn' }), null);
  });

  it('a role with a group needs it; the group never gives a role', () => {
    assert.equal(groupAllows('hr', ['grp-hr'], RULES), true);
    assert.equal(groupAllows('hr', ['grp-x'], RULES), false);
    assert.equal(groupAllows('staff', [], RULES), true);
    assert.equal(groupAllows('admin', [], RULES), true, 'no admin group set');
  });

  const second: {
    name: string;
    role: 'staff' | 'chief' | 'hr' | 'admin';
    claims: object;
    rules?: Partial<ClaimRules>;
    expect: boolean;
  }[] = [
    { name: 'staff never', role: 'staff', claims: {}, expect: false },
    { name: 'a chief without MFA shown', role: 'chief', claims: { amr: ['pwd'] }, expect: true },
    { name: 'HR with amr mfa', role: 'hr', claims: { amr: ['pwd', 'mfa'] }, expect: false },
    {
      name: 'an admin with the configured acr',
      role: 'admin',
      claims: { acr: 'urn:mfa' },
      rules: { mfaAcr: 'urn:mfa' },
      expect: false,
    },
    {
      name: 'an admin with another acr',
      role: 'admin',
      claims: { acr: '1' },
      rules: { mfaAcr: 'urn:mfa' },
      expect: true,
    },
    {
      name: 'HR when the organisation trusts the provider',
      role: 'hr',
      claims: {},
      rules: { mfaTrusted: true },
      expect: false,
    },
  ];
  for (const c of second)
    it(`second step after the provider: ${c.name} → ${c.expect}`, () =>
      assert.equal(
        needsSecondFactor(c.role, c.claims as Record<string, unknown>, { ...RULES, ...c.rules }),
        c.expect,
      ));
});
