import { Hono } from 'hono';
import { readSso, updateSso, type SsoUpdate, type SsoView } from '../../app/sso/index.ts';
import type { WebContext, WebEnv } from '../shared/env.ts';
import { Csrf, ErrorSummary, Input, text, errorsOf, errorsOnFields } from '../shared/form.tsx';
import { t, failureMessage } from '../shared/i18n.ts';
import { failurePage, notAboutTheForm, render, valueOrPage } from '../shared/layout.tsx';
import { AdminNav, CheckGroup, Notice, noErrors, type FormState } from './fields.tsx';

const TEXT_FIELDS = [
  'issuer',
  'clientId',
  'emailClaim',
  'groupClaim',
  'hrGroup',
  'adminGroup',
  'mfaAcr',
] as const;

function ssoPage(
  c: WebContext,
  v: SsoView,
  typed: SsoUpdate,
  form: FormState,
  status: 200 | 422 = 200,
) {
  const lang = c.var.lang;
  const field = (
    name: (typeof TEXT_FIELDS)[number],
    label: Parameters<typeof t>[1],
    hint?: Parameters<typeof t>[1],
  ) => (
    <Input
      name={name}
      label={t(lang, label)}
      {...(hint ? { hint: t(lang, hint) } : {})}
      value={typed[name]}
      errors={form.errors}
      autocomplete="off"
    />
  );
  return render(
    c,
    t(lang, 'admin.sso'),
    <>
      <AdminNav lang={lang} here="/admin/settings" />
      <Notice text={c.req.query('saved') ? t(lang, 'admin.saved') : undefined} />
      <ErrorSummary lang={lang} errors={form.errors} detail={form.detail} />
      <p>{t(lang, 'admin.ssoIntro')}</p>
      <p id="sso-status">{t(lang, v.ready ? 'admin.ssoReady' : 'admin.ssoNotReady')}</p>
      <p>{t(lang, 'admin.ssoRedirect', { url: v.redirectUri })}</p>
      {v.fromEnv ? <p>{t(lang, 'admin.ssoFromEnv')}</p> : null}
      <form method="post" action="/admin/settings/sso" id="sso-form">
        <Csrf token={c.var.csrf} />
        {v.fromEnv ? null : (
          <>
            {field('issuer', 'admin.ssoIssuer', 'admin.ssoIssuerHint')}
            {field('clientId', 'admin.ssoClientId')}
            <Input
              name="clientSecret"
              type="password"
              label={t(lang, 'admin.ssoSecret')}
              hint={
                v.secretMasked
                  ? t(lang, 'admin.ssoSecretSaved', { masked: v.secretMasked })
                  : t(lang, 'admin.ssoSecretNone')
              }
              errors={form.errors}
              autocomplete="off"
            />
          </>
        )}
        {field('emailClaim', 'admin.ssoEmailClaim', 'admin.ssoEmailClaimHint')}
        {field('groupClaim', 'admin.ssoGroupClaim', 'admin.ssoGroupClaimHint')}
        {field('hrGroup', 'admin.ssoHrGroup', 'admin.ssoGroupHint')}
        {field('adminGroup', 'admin.ssoAdminGroup', 'admin.ssoGroupHint')}
        <CheckGroup
          id="mfa"
          legend={t(lang, 'admin.ssoMfa')}
          boxes={[
            {
              name: 'mfaTrusted',
              label: t(lang, 'admin.ssoMfaTrusted'),
              checked: typed.mfaTrusted,
            },
          ]}
          errors={form.errors}
        />
        {field('mfaAcr', 'admin.ssoMfaAcr', 'admin.ssoMfaAcrHint')}
        <CheckGroup
          id="required"
          legend={t(lang, 'admin.ssoRequiredLegend')}
          boxes={[
            { name: 'required', label: t(lang, 'admin.ssoRequired'), checked: typed.required },
          ]}
          errors={form.errors}
        />
        <button type="submit">{t(lang, 'save')}</button>
      </form>
    </>,
    status,
  );
}

/** The form's values from the settings as saved (the secret is never sent back). */
const typedOf = (v: SsoView): SsoUpdate => ({
  issuer: v.issuer,
  clientId: v.clientId,
  clientSecret: '',
  emailClaim: v.emailClaim,
  groupClaim: v.groupClaim,
  hrGroup: v.hrGroup,
  adminGroup: v.adminGroup,
  mfaTrusted: v.mfaTrusted,
  mfaAcr: v.mfaAcr,
  required: v.required,
});

/** The organisation's identity provider (admin): issuer, client, claims, groups, MFA trust. */
export function ssoSettingsPages() {
  const r = new Hono<WebEnv>();

  r.get('/admin/settings/sso', async (c) => {
    const v = valueOrPage(await readSso(c.var.deps, c.var.actor));
    return ssoPage(c, v, typedOf(v), noErrors);
  });

  r.post('/admin/settings/sso', async (c) => {
    const body = await c.req.parseBody();
    const typed: SsoUpdate = {
      ...Object.fromEntries(TEXT_FIELDS.map((f) => [f, text(body, f).trim()])),
      clientSecret: text(body, 'clientSecret').trim(),
      mfaTrusted: text(body, 'mfaTrusted') === '1',
      required: text(body, 'required') === '1',
    } as SsoUpdate;
    const saved = await updateSso(c.var.deps, c.var.actor, typed);
    if (saved.ok) return c.redirect('/admin/settings/sso?saved=1', 303);
    if (notAboutTheForm(saved.error)) return failurePage(c, saved.error);
    const v = valueOrPage(await readSso(c.var.deps, c.var.actor));
    const f = saved.error;
    const errors = errorsOnFields(errorsOf(f), (p) => p.slice(1) || null, c.var.lang);
    return ssoPage(
      c,
      v,
      { ...typed, clientSecret: '' },
      { errors, detail: failureMessage(c.var.lang, f) },
      422,
    );
  });

  return r;
}
