import nodemailer from 'nodemailer';

export interface Mailer {
  /** Sends one plain-text UTF-8 message; throws when the server does not accept it. */
  send: (to: string, subject: string, text: string) => Promise<void>;
  /** Closes pooled connections. */
  close: () => void;
}

/**
 * E-mail over SMTP with nodemailer, from a connection URL (SMTP_URL): `smtp://user:pass@host:587`
 * (STARTTLS when the server offers it), `smtps://user:pass@host:465` (TLS from the start).
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (to, subject, text) => {
      await transport.sendMail({ from, to, subject, text, textEncoding: 'base64' });
    },
    close: () => transport.close(),
  };
}
