package io.casedesk.intake.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/** Reads a raw RFC 5322 message into what casedesk needs of it; a mail it cannot read raises an exception. */
final class InboundMailParser {

    static final int MAX_SUBJECT = 300;
    static final int MAX_TEXT = 10_000;
    static final int MAX_NAME = 200;
    static final int MAX_ADDRESS = 320;
    static final String NO_SUBJECT = "(no subject)";
    static final String NO_TEXT = "(the mail has no text)";

    private final Session session = Session.getInstance(new Properties());
    private final String ownAddress;

    /** @param ownAddress the address casedesk sends from: a mail from it is casedesk talking to itself */
    InboundMailParser(String ownAddress) {
        this.ownAddress = ownAddress;
    }

    ParsedMail parse(byte[] raw) throws UnparseableMailException {
        MimeMessage mail;
        String messageId = null;
        try {
            mail = new MimeMessage(session, new ByteArrayInputStream(raw));
            messageId = messageId(mail);
        } catch (MessagingException | RuntimeException e) {
            throw new UnparseableMailException(key(null, raw), null, null, null, "unreadable headers", e);
        }
        String key = key(messageId, raw);
        String fromHeader = null;
        String subject = null;
        try {
            fromHeader = AutomaticMail.header(mail, "From");
            subject = MailText.oneLine(mail.getSubject(), MAX_SUBJECT);
            InternetAddress from = sender(mail);
            ParsedMail.Automatic automatic = AutomaticMail.detect(mail, from, ownAddress);
            String address = from == null ? fromHeader : from.getAddress();
            if (automatic != null) {
                return new ParsedMail(
                        key, messageId, MailText.oneLine(address, MAX_ADDRESS), null, subject, null, automatic);
            }
            if (from == null) {
                throw new MessagingException("no usable sender address in From: " + fromHeader);
            }
            String text = MailText.of(mail);
            return new ParsedMail(
                    key,
                    messageId,
                    from.getAddress(),
                    MailText.oneLine(from.getPersonal(), MAX_NAME),
                    subject == null || subject.isEmpty() ? NO_SUBJECT : subject,
                    text.isEmpty() ? NO_TEXT : text,
                    null);
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new UnparseableMailException(
                    key, messageId, MailText.oneLine(fromHeader, MAX_ADDRESS), subject, "unreadable mail", e);
        }
    }

    /** What can be read from the headers of a mail that casedesk did not take in whole. */
    UnparseableMailException unreadable(byte[] headers, String reason) {
        String messageId = null;
        String from = null;
        String subject = null;
        try {
            var mail = new MimeMessage(session, new ByteArrayInputStream(headers));
            messageId = messageId(mail);
            from = MailText.oneLine(AutomaticMail.header(mail, "From"), MAX_ADDRESS);
            subject = MailText.oneLine(mail.getSubject(), MAX_SUBJECT);
        } catch (MessagingException | RuntimeException e) {
            reason = reason + "; headers unreadable too: " + e;
        }
        return new UnparseableMailException(key(messageId, headers), messageId, from, subject, reason, null);
    }

    /** The first From (or Sender) address if it is a plausible mailbox, else null. */
    private static InternetAddress sender(MimeMessage mail) {
        try {
            Address[] from = mail.getFrom();
            if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
                return null;
            }
            address.validate();
            String a = address.getAddress();
            return a.length() <= MAX_ADDRESS && a.indexOf('@') > 0 ? address : null;
        } catch (MessagingException e) {
            // includes AddressException: an unreadable sender is no sender
            return null;
        }
    }

    private static String messageId(MimeMessage mail) throws MessagingException {
        String id = mail.getMessageID();
        return id == null || id.isBlank() ? null : MailText.oneLine(id, 998);
    }

    /** The unique key of a mail: its Message-ID, or, when it has none, its exact bytes. */
    static String key(String messageId, byte[] raw) {
        return messageId != null ? "mid:" + sha256(messageId.getBytes(StandardCharsets.UTF_8)) : "raw:" + sha256(raw);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
