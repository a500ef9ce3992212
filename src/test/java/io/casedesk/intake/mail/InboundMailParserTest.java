package io.casedesk.intake.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading raw mails: who wrote, what, whether a machine sent it, and what casedesk refuses to guess. */
class InboundMailParserTest {

    private final InboundMailParser parser = new InboundMailParser("support@casedesk.local");

    @Test
    void plainMail_givesSenderNameSubjectAndText() throws Exception {
        ParsedMail mail = parse(headers(
                        "=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <Juergen@Example.com>",
                        "=?UTF-8?Q?Rechnung_f=C3=BCr_M=C3=A4rz?=")
                + "\r\nGuten Tag,\r\n\r\n\r\n\r\ndie Rechnung fehlt.\r\n");
        assertThat(mail.fromAddress()).isEqualTo("Juergen@Example.com");
        assertThat(mail.fromName()).isEqualTo("Jürgen Müller");
        assertThat(mail.subject()).isEqualTo("Rechnung für März");
        assertThat(mail.text()).isEqualTo("Guten Tag,\n\ndie Rechnung fehlt.");
        assertThat(mail.messageId()).isEqualTo("<1@example.com>");
        assertThat(mail.key()).startsWith("mid:").hasSize(68);
        assertThat(mail.isAutomatic()).isFalse();
    }

    @Test
    void htmlOnlyMail_becomesTextWithItsLineBreaks() throws Exception {
        ParsedMail mail = parse(headers("ana@example.com", "HTML", "text/html; charset=UTF-8")
                + "\r\n<html><head><style>p{color:red}</style></head><body><p>Hello&nbsp;there,</p>"
                + "<p>my   order<br>is <b>late</b>.</p><script>alert(1)</script></body></html>");
        assertThat(mail.text()).isEqualTo("Hello there,\n\nmy order\nis late.");
    }

    @Test
    void alternativeMail_prefersThePlainPart_andNamesAttachments() throws Exception {
        ParsedMail mail = parse(headers("ana@example.com", "Both", "multipart/mixed; boundary=\"outer\"") + "\r\n"
                + "--outer\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
                + "--alt\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Gr=FC=DFe aus K=F6ln\r\n"
                + "--alt\r\nContent-Type: text/html\r\n\r\n<p>HTML version</p>\r\n--alt--\r\n"
                + "--outer\r\nContent-Type: application/pdf; name=\"invoice.pdf\"\r\nContent-Disposition: attachment; filename=\"invoice.pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--outer--\r\n");
        assertThat(mail.text()).isEqualTo("Grüße aus Köln\n\n[attachments not stored: invoice.pdf]");
    }

    @Test
    void subjectAndName_stayOnOneLine_soTheyCannotAddHeadersToOurMails() throws Exception {
        ParsedMail mail = parse(headers(
                        "=?UTF-8?Q?Ana=0D=0AX-Evil=3A_1?= <ana@example.com>",
                        "=?UTF-8?Q?Hi=0D=0ABcc:_victim@example.org?=")
                + "\r\nbody\r\n");
        assertThat(mail.subject()).isEqualTo("Hi Bcc: victim@example.org").doesNotContain("\n", "\r");
        assertThat(mail.fromName()).isEqualTo("Ana X-Evil: 1");
    }

    @Test
    void emptyMail_getsPlaceholders_andLongTextIsCutWithANote() throws Exception {
        ParsedMail empty = parse(headers("ana@example.com", "  ") + "\r\n");
        assertThat(empty.subject()).isEqualTo(InboundMailParser.NO_SUBJECT);
        assertThat(empty.text()).isEqualTo(InboundMailParser.NO_TEXT);

        String limited = MailText.limit("x".repeat(20_000), InboundMailParser.MAX_TEXT);
        assertThat(limited).hasSize(InboundMailParser.MAX_TEXT).endsWith("the mail had 20000 characters]");
        assertThat(MailText.oneLine("s".repeat(400), InboundMailParser.MAX_SUBJECT))
                .hasSize(300)
                .endsWith("…");
    }

    @Test
    void mailWithoutMessageId_isKeyedByItsBytes() throws Exception {
        String raw = "From: ana@example.com\r\nSubject: no id\r\n\r\ntext\r\n";
        ParsedMail mail = parse(raw);
        assertThat(mail.messageId()).isNull();
        assertThat(mail.key())
                .startsWith("raw:")
                .isEqualTo(parse(raw).key())
                .isNotEqualTo(parse(raw + "more").key());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Auto-Submitted: auto-replied                 | ana@example.com                 | AUTO_REPLY_IGNORED | Auto-Submitted
            Auto-Submitted: auto-generated               | ana@example.com                 | AUTO_REPLY_IGNORED | Auto-Submitted
            X-Autoreply: yes                             | ana@example.com                 | AUTO_REPLY_IGNORED | X-Autoreply
            X-Autorespond: vacation                      | ana@example.com                 | AUTO_REPLY_IGNORED | X-Autorespond
            Precedence: bulk                             | ana@example.com                 | AUTO_REPLY_IGNORED | Precedence
            Precedence: junk                             | ana@example.com                 | AUTO_REPLY_IGNORED | Precedence
            Precedence: list                             | ana@example.com                 | AUTO_REPLY_IGNORED | Precedence
            List-Id: <offers.shop.example>               | ana@example.com                 | AUTO_REPLY_IGNORED | List-Id
            List-Unsubscribe: <mailto:u@shop.example>    | ana@example.com                 | AUTO_REPLY_IGNORED | List-Unsubscribe
            X-Mailer: ordinary                           | casedesk <SUPPORT@casedesk.local> | AUTO_REPLY_IGNORED | casedesk itself
            X-Mailer: ordinary                           | MAILER-DAEMON@mx.example.net    | BOUNCE_IGNORED     | mailer-daemon
            X-Mailer: ordinary                           | Postmaster <postmaster@example.net> | BOUNCE_IGNORED | postmaster
            Return-Path: <>                              | ana@example.com                 | BOUNCE_IGNORED     | Return-Path
            """)
    void automaticMails_areRecognised(String header, String from, InboundMailStatus status, String reason)
            throws Exception {
        ParsedMail mail = parse(headers(from, "Out of office") + header + "\r\n\r\nI am away.\r\n");
        assertThat(mail.automatic()).isNotNull();
        assertThat(mail.automatic().status()).isEqualTo(status);
        assertThat(mail.automatic().reason()).containsIgnoringCase(reason);
        assertThat(mail.text()).isNull();
    }

    @Test
    void deliveryReport_isABounce_andAPersonsMail_isNot() throws Exception {
        ParsedMail report = parse(headers(
                        "ana@example.com",
                        "Delivery Status Notification",
                        "multipart/report; report-type=delivery-status; boundary=b")
                + "\r\n--b\r\n\r\nfailed\r\n--b--\r\n");
        assertThat(report.automatic().status()).isEqualTo(InboundMailStatus.BOUNCE_IGNORED);

        ParsedMail person = parse(headers("ana@example.com", "Question") + "Auto-Submitted: no\r\n\r\nHello\r\n");
        assertThat(person.isAutomatic()).as("Auto-Submitted: no is a person").isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no boundary         | multipart/mixed                       | just text, no parts          | boundary
            unknown charset     | text/plain; charset=x-no-such-charset | Hello                        | x-no-such-charset
            broken base64       | text/plain                            | !!!not base64!!!             | base64
            """)
    void unreadableMails_raiseWithWhatCouldBeRead(String name, String contentType, String body, String error) {
        String raw = headers("ana@example.com", "Broken " + name, contentType)
                + (name.contains("base64") ? "Content-Transfer-Encoding: base64\r\n" : "") + "\r\n" + body + "\r\n";
        assertThatThrownBy(() -> parse(raw)).isInstanceOfSatisfying(UnparseableMailException.class, e -> {
            assertThat(e.subject()).isEqualTo("Broken " + name);
            assertThat(e.from()).isEqualTo("ana@example.com");
            assertThat(e.messageId()).isEqualTo("<1@example.com>");
            assertThat(e.describe()).containsIgnoringCase(error);
        });
    }

    @Test
    void mailWithoutSender_isUnreadable() {
        assertThatThrownBy(() -> parse("Subject: who?\r\nMessage-ID: <2@example.com>\r\n\r\ntext\r\n"))
                .isInstanceOf(UnparseableMailException.class)
                .hasMessageContaining("unreadable");
        assertThatThrownBy(() -> parse("From: not an address\r\nSubject: who?\r\n\r\ntext\r\n"))
                .isInstanceOfSatisfying(
                        UnparseableMailException.class,
                        e -> assertThat(e.describe()).contains("no usable sender"));
    }

    @Test
    void replyText_losesTheQuotedMailBelowIt() {
        assertThat(MailText.withoutQuote(
                        "Size 42.\n\nOn Mon, 23 Nov 2026 at 10:00 casedesk <s@c.local> wrote:\n> Which size?"))
                .isEqualTo("Size 42.");
        assertThat(MailText.withoutQuote(
                        "Größe 42.\n\nAm 23.11.2026 um 10:00 schrieb casedesk\n<s@c.local>:\n> Welche?"))
                .isEqualTo("Größe 42.");
        assertThat(MailText.withoutQuote("Fine now.\n\n-----Original Message-----\nFrom: casedesk\nThanks"))
                .isEqualTo("Fine now.");
        assertThat(MailText.withoutQuote("Fine.\n\n________________________________\nFrom: casedesk\nSent: today"))
                .isEqualTo("Fine.");
        assertThat(MailText.withoutQuote("> quoted\nmine\n> quoted")).isEqualTo("mine");
        assertThat(MailText.withoutQuote("> only a quote"))
                .as("nothing of its own: keep all")
                .isEqualTo("> only a quote");
    }

    private ParsedMail parse(String raw) throws UnparseableMailException {
        return parser.parse(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static String headers(String from, String subject) {
        return headers(from, subject, "text/plain; charset=UTF-8");
    }

    private static String headers(String from, String subject, String contentType) {
        return "From: " + from + "\r\nTo: support@casedesk.test\r\nSubject: " + subject + "\r\n"
                + "Message-ID: <1@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\n";
    }
}
