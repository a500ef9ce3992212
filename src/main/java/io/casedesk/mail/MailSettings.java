package io.casedesk.mail;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casedesk.mail.*: sender, where manager notices go, the domain of our Message-IDs, the retry cycle of the delivery
 * job (an ISO 8601 repeating interval such as R3/PT5M), and how manager notices are grouped.
 *
 * @param from               the sender of every mail casedesk sends; inbound mail from this address is never
 *                           answered
 * @param managerAddress     where notices for the group managers go (escalations, SLA warnings and breaches, as the
 *                           manager-notification table decides)
 * @param messageIdDomain    the domain of the Message-IDs of our mails
 * @param retryCycle         how often and how far apart a failed delivery is retried before it becomes an incident
 *                           in Cockpit (ISO 8601 repeating interval)
 * @param notificationWindow how long a notice that is not urgent waits for the case's next ones, so that the
 *                           notices of a case in that window arrive as one mail
 * @param groupAddresses     the address of each other group the manager-notification table may name (group name to
 *                           address)
 */
@ConfigurationProperties("casedesk.mail")
public record MailSettings(
        @DefaultValue("casedesk support <support@casedesk.local>")
        String from,

        @DefaultValue("managers@casedesk.local") String managerAddress,
        @DefaultValue("casedesk.local") String messageIdDomain,
        @DefaultValue("R3/PT5M") String retryCycle,
        @DefaultValue("PT10M") Duration notificationWindow,
        Map<String, String> groupAddresses) {

    public MailSettings {
        groupAddresses = groupAddresses == null ? Map.of() : Map.copyOf(groupAddresses);
    }

    /** The group the table names by default; its address is managerAddress unless groupAddresses names another. */
    static final String MANAGERS = "managers";

    /** Where a group's notices go; empty for a group nobody gave an address. */
    java.util.Optional<String> addressOf(String group) {
        String address = groupAddresses.get(group);
        if (address == null && MANAGERS.equals(group)) {
            address = managerAddress;
        }
        return java.util.Optional.ofNullable(address).filter(a -> !a.isBlank());
    }
}
