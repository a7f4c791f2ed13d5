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
     */
    public record Agency(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}") String agency,
                         @NotBlank String focalPoint,
                         DeliveryChannel channel,
                         List<@Valid Area> areas) {
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
                        .toList());
    }
}
