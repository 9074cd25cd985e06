import { Hono } from 'hono';
import { Table } from '../shared/table.tsx';
import { inviteDepartment } from '../../app/people/index.ts';
import type { Language } from '../../domain/types.ts';
import type { WebEnv } from '../shared/env.ts';
import { ColumnHeads, Csrf } from '../shared/form.tsx';
import { t } from '../shared/i18n.ts';
import { refuseRole, render, valueOrPage } from '../shared/layout.tsx';
import { roles } from '../shared/session.ts';

/** The department page's button that invites every member not invited yet. */
export function InviteAllForm(p: { lang: Language; csrf: string; departmentId: string }) {
  return (
    <form method="post" action={`/departments/${p.departmentId}/invitations`}>
      <Csrf token={p.csrf} />
      <p>{t(p.lang, 'inviteAllHint')}</p>
      <button type="submit" class="secondary">
        {t(p.lang, 'inviteAll')}
      </button>
    </form>
  );
}

/** Invites every member not invited yet; the links once, as a list to print for those who read no e-mail. */
export function inviteAllPages() {
  const r = new Hono<WebEnv>();
  r.post('/departments/:id/invitations', roles(['admin', 'chief'], refuseRole), async (c) => {
    const lang = c.var.lang;
    const made = valueOrPage(await inviteDepartment(c.var.deps, c.var.actor, c.req.param('id')));
    return render(
      c,
      t(lang, 'inviteAllTitle'),
      made.length ? (
        <>
          <p>{t(lang, 'inviteAllIntro')}</p>
          <p class="no-print">
            <button type="button" data-print>
              {t(lang, 'print')}
            </button>
          </p>
          <Table id="invitation-links">
            <ColumnHeads lang={lang} keys={['name', 'email', 'link']} />
            <tbody>
              {made.map((i) => (
                <tr>
                  <th scope="row">{i.name}</th>
                  <td>{i.email}</td>
                  <td>
                    <code>{i.url}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : (
        <p role="status">{t(lang, 'inviteAllNone')}</p>
      ),
      201,
    );
  });
  return r;
}
