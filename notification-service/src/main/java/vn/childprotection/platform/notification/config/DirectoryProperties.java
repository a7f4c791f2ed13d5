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
 * code prefix (S0 Art 8.4, 9.5), its backup focal point, and the coordinator of each province — the board's standing
 * deputy head at the standing agency (S0 Art 5.4). Listed rather than keyed by agency code, because map keys lose
 * their underscores in relaxed binding ({@code SOCIAL_AFFAIRS}).
 *
 * @param coordinators       the coordinator of each province
 * @param defaultCoordinator the coordinator for a province not listed, or a case whose province is not known
 */
@Validated
@ConfigurationProperties("notification.directory")
public record DirectoryProperties(@NotNull List<@Valid Agency> agencies,
                                  List<@Valid Coordinator> coordinators,
                                  @Valid Contact defaultCoordinator) {

    public DirectoryProperties {
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
        coordinators = coordinators == null ? List.of() : List.copyOf(coordinators);
    }

    /**
     * The coordinator of one province (S0 Art 5.4): a role mailbox or duty phone, never a person's own.
     *
     * @param province the province's official (GSO) code, two digits
     * @param channel  EMAIL, SMS or RECORDED (RECORDED when absent)
     */
    public record Coordinator(@NotBlank @Pattern(regexp = "[0-9]{2}") String province, @NotBlank String address,
                              DeliveryChannel channel) {
    }

    /** A role address and its channel (RECORDED when absent). */
    public record Contact(@NotBlank String address, DeliveryChannel channel) {
    }

    /**
     * @param agency     agency code (SOCIAL_AFFAIRS, POLICE, ... or a province's own)
     * @param focalPoint default focal point of the agency
     * @param channel    how its focal points are reached (RECORDED when absent)
     * @param areas      focal points of particular areas
     * @param recipients further recipients told of every referral to the agency (its case system by webhook, a duty
     *                   mailbox, a duty phone), each tracked on its own
     * @param backupFocalPoint told, with the coordinator, when a referral's deadline passed its grace; reached by
     *                   {@code channel}
     */
    public record Agency(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String agency,
                         @NotBlank String focalPoint,
                         DeliveryChannel channel,
                         List<@Valid Area> areas,
                         List<@Valid RecipientEntry> recipients,
                         String backupFocalPoint) {
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
        return new FocalPointDirectory(agencies.stream().map(DirectoryProperties::toDomain).toList(),
                coordinators.stream().map(c -> new FocalPointDirectory.ProvinceCoordinator(c.province(),
                        new Recipient(c.address(), orRecorded(c.channel())))).toList(),
                defaultCoordinator == null ? null
                        : new Recipient(defaultCoordinator.address(), orRecorded(defaultCoordinator.channel())));
    }

    private static DeliveryChannel orRecorded(DeliveryChannel channel) {
        if (channel == DeliveryChannel.WEBHOOK) {
            throw new IllegalStateException("a coordinator is a role mailbox, duty phone or RECORDED, not a webhook");
        }
        return channel == null ? DeliveryChannel.RECORDED : channel;
    }

    private static AgencyFocalPoints toDomain(Agency agency) {
        DeliveryChannel channel = agency.channel() == null ? DeliveryChannel.RECORDED : agency.channel();
        List<Area> areas = agency.areas() == null ? List.of() : agency.areas();
        return new AgencyFocalPoints(agency.agency(), new Recipient(agency.focalPoint(), channel),
                areas.stream()
                        .map(area -> new AreaFocalPoint(area.areaPrefix(), new Recipient(area.focalPoint(), channel)))
                        .toList(),
                recipientsOf(agency).stream().map(r -> new Recipient(r.address(), r.channel())).toList(),
                agency.backupFocalPoint() == null || agency.backupFocalPoint().isBlank() ? null
                        : new Recipient(agency.backupFocalPoint(), channel));
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
