package dev.atrium.platform.mail;

/** Puts a message on the wire. One adapter: {@link SmtpMailer}. */
public interface Mailer {

    /** Sends, or throws: a refusal or an unreachable server is retried by the caller (the outbox). */
    void send(OutgoingMail mail) throws Exception;
}
