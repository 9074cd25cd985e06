export * from './invitations.ts';
export * from './invite.ts';
export * from './passkeys.ts';
export { relyingParty } from './relying-party.ts';
export { inviteFirstAdmin } from './first-admin.ts';
export * from './email-code.ts';
export * from './totp.ts';
export * from './account.ts';
export * from './reset.ts';
