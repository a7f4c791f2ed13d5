package vn.childprotection.platform.notification.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import vn.childprotection.platform.notification.domain.DeliveryChannel;
import vn.childprotection.platform.notification.domain.FocalPointDirectory;
import vn.childprotection.platform.notification.domain.FocalPointDirectory.AgencyFocalPoints;
import vn.childprotection.platform.notification.domain.FocalPointDirectory.AreaFocalPoint;
import vn.childprotection.platform.notification.domain.Recipient;

import java.util.List;

/**
 * {@code notification.directory}: the focal point (role address, never a person) of each agency, optionally per area
 * code prefix (S0 Art 8.4, 9.5). Listed rather than keyed by agency code, because map keys lose their underscores in
 * relaxed binding ({@code SOCIAL_AFFAIRS}). Replaced by the agency directory in a later issue.
 */
@Validated
@ConfigurationProperties("notification.directory")
public record DirectoryProperties(@NotNull List<@Valid Agency> agencies) {

    public DirectoryProperties {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }

    /**
     * @param agency     agency code (SOCIAL_AFFAIRS, POLICE, ... or a province's own)
     * @param focalPoint default focal point of the agency
     * @param channel    how its focal points are reached (RECORDED when absent)
     * @param areas      focal points of particular areas
     * @param recipients further recipients told of every referral to the agency (its case system by webhook, a duty
     *                   mailbox, a duty phone), each tracked on its own
     */
    public record Agency(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String agency,
                         @NotBlank String focalPoint,
                         DeliveryChannel channel,
                         List<@Valid Area> areas,
                         List<@Valid RecipientEntry> recipients) {
    }

    /**
     * One further recipient.
     *
     * @param channel   WEBHOOK, EMAIL, SMS or RECORDED
     * @param address   the webhook URL, role mailbox or duty phone (never a person's own)
     * @param secretRef WEBHOOK only: the name of the property (or environment variable) holding the agency's signing
     *                  secret; the secret itself is never written in this file
     */
    public record RecipientEntry(@NotNull DeliveryChannel channel, @NotBlank String address, String secretRef) {
    }

    /** The focal point for the area codes that start with {@code areaPrefix}. */
    public record Area(@NotBlank @Pattern(regexp = "[0-9]{1,5}") String areaPrefix, @NotBlank String focalPoint) {
    }

    public FocalPointDirectory toDirectory() {
        return new FocalPointDirectory(agencies.stream().map(DirectoryProperties::toDomain).toList());
    }

    private static AgencyFocalPoints toDomain(Agency agency) {
        DeliveryChannel channel = agency.channel() == null ? DeliveryChannel.RECORDED : agency.channel();
        List<Area> areas = agency.areas() == null ? List.of() : agency.areas();
        return new AgencyFocalPoints(agency.agency(), new Recipient(agency.focalPoint(), channel),
                areas.stream()
                        .map(area -> new AreaFocalPoint(area.areaPrefix(), new Recipient(area.focalPoint(), channel)))
                        .toList(),
                recipientsOf(agency).stream().map(r -> new Recipient(r.address(), r.channel())).toList());
    }

    /** Every WEBHOOK recipient's URL with the reference of its secret. */
    public java.util.Map<String, String> webhookSecretRefs() {
        var refs = new java.util.LinkedHashMap<String, String>();
        for (Agency agency : agencies) {
            if (agency.channel() == DeliveryChannel.WEBHOOK) {
                throw new IllegalStateException("agency " + agency.agency() + ": a WEBHOOK recipient needs a "
                        + "secret-ref; list it under recipients rather than as the focal point");
            }
            for (RecipientEntry r : recipientsOf(agency)) {
                if (r.channel() == DeliveryChannel.WEBHOOK) {
                    if (r.secretRef() == null || r.secretRef().isBlank()) {
                        throw new IllegalStateException("agency " + agency.agency() + ": webhook recipient "
                                + r.address() + " has no secret-ref");
                    }
                    refs.put(r.address().strip(), r.secretRef());
                }
            }
        }
        return refs;
    }

    private static List<RecipientEntry> recipientsOf(Agency agency) {
        return agency.recipients() == null ? List.of() : agency.recipients();
    }
}
