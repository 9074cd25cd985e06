export * from './invitations.ts';
export * from './invite.ts';
export * from './passkeys.ts';
export { relyingParty } from './relying-party.ts';
