package vn.childprotection.platform.notification.domain;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which focal point of an agency receives the referrals for an area: the entry whose area prefix is the longest one
 * the area code starts with, else the agency's default focal point. S0 Art 8.4 (the standing agency is the focal
 * point linking the sectors) and Art 9.5 (each agency serves its own area).
 * <p>
 * Note: official (GSO) district and commune codes do not start with their province's code, so an area entry matches
 * codes by their own digits (an exact code is its own full-length prefix). Resolving the administrative hierarchy
 * instead is left to a fuller agency directory.
 */
public final class FocalPointDirectory implements AgencyDirectory {

    /**
     * One agency's focal points, and the further recipients (the agency's case system by webhook, a duty inbox, a
     * duty phone) told of every referral to the agency besides the focal point.
     *
     * @param backupFocalPoint told when a referral's deadline passed its grace; {@code null} when the agency names
     *                         none (then that notification is recorded FAILED {@code NO_BACKUP_FOCAL_POINT})
     */
    public record AgencyFocalPoints(String agency, Recipient defaultFocalPoint, List<AreaFocalPoint> areas,
                                    List<Recipient> further, Recipient backupFocalPoint) {
        public AgencyFocalPoints {
            if (agency == null || agency.isBlank()) {
                throw new IllegalArgumentException("agency code is required");
            }
            Objects.requireNonNull(defaultFocalPoint, "defaultFocalPoint");
            areas = areas == null ? List.of() : List.copyOf(areas);
            further = further == null ? List.of() : List.copyOf(further);
        }

        public AgencyFocalPoints(String agency, Recipient defaultFocalPoint, List<AreaFocalPoint> areas,
                                 List<Recipient> further) {
            this(agency, defaultFocalPoint, areas, further, null);
        }

        public AgencyFocalPoints(String agency, Recipient defaultFocalPoint, List<AreaFocalPoint> areas) {
            this(agency, defaultFocalPoint, areas, List.of(), null);
        }
    }

    /**
     * The coordinator of a province: the board's standing deputy head (Phó Ban thường trực) at the standing agency,
     * told at once of serious harm (S0 Art 5.4), of forwarded referrals (S0 Art 7.2) and of overdue ones.
     *
     * @param provinceCode the province's official (GSO) code, e.g. {@code 11}
     */
    public record ProvinceCoordinator(String provinceCode, Recipient coordinator) {
        public ProvinceCoordinator {
            if (provinceCode == null || !provinceCode.matches("[0-9]{2}")) {
                throw new IllegalArgumentException("province code must be 2 digits: " + provinceCode);
            }
            Objects.requireNonNull(coordinator, "coordinator");
        }
    }

    /** The focal point for the areas whose code starts with {@code areaPrefix}. */
    public record AreaFocalPoint(String areaPrefix, Recipient focalPoint) {
        public AreaFocalPoint {
            if (areaPrefix == null || !areaPrefix.matches("[0-9]{1,5}")) {
                throw new IllegalArgumentException("area prefix must be 1 to 5 digits: " + areaPrefix);
            }
            Objects.requireNonNull(focalPoint, "focalPoint");
        }
    }

    private final Map<String, AgencyFocalPoints> byAgency = new HashMap<>();
    private final Map<String, Recipient> coordinatorByProvince = new HashMap<>();
    private final Recipient defaultCoordinator;

    public FocalPointDirectory(List<AgencyFocalPoints> agencies) {
        this(agencies, List.of(), null);
    }

    /**
     * @param defaultCoordinator the coordinator for a province the list does not name, or when the case's province
     *                           is not known; {@code null} for none
     */
    public FocalPointDirectory(List<AgencyFocalPoints> agencies, List<ProvinceCoordinator> coordinators,
                               Recipient defaultCoordinator) {
        for (AgencyFocalPoints entry : agencies) {
            if (byAgency.putIfAbsent(entry.agency(), entry) != null) {
                throw new IllegalArgumentException("agency listed twice in the directory: " + entry.agency());
            }
        }
        for (ProvinceCoordinator entry : coordinators) {
            if (coordinatorByProvince.putIfAbsent(entry.provinceCode(), entry.coordinator()) != null) {
                throw new IllegalArgumentException("province listed twice among coordinators: "
                        + entry.provinceCode());
            }
        }
        this.defaultCoordinator = defaultCoordinator;
    }

    /** The agency's backup focal point, if it names one. */
    @Override
    public Optional<Recipient> backupFocalPointFor(String agency) {
        return Optional.ofNullable(byAgency.get(agency)).map(AgencyFocalPoints::backupFocalPoint);
    }

    /**
     * The coordinator of the province (S0 Art 5.4): the province's own, else the default one.
     *
     * @param provinceCode {@code null} when the case's province is not known
     */
    @Override
    public Optional<Recipient> coordinatorFor(String provinceCode) {
        Recipient own = provinceCode == null ? null : coordinatorByProvince.get(provinceCode);
        return Optional.ofNullable(own != null ? own : defaultCoordinator);
    }

    @Override
    public Optional<Recipient> focalPointFor(String agency, String areaCode) {
        AgencyFocalPoints entry = byAgency.get(agency);
        if (entry == null) {
            return Optional.empty();
        }
        String code = areaCode == null ? "" : areaCode;
        return entry.areas().stream()
                .filter(area -> code.startsWith(area.areaPrefix()))
                .max(Comparator.comparingInt(area -> area.areaPrefix().length()))
                .map(AreaFocalPoint::focalPoint)
                .or(() -> Optional.of(entry.defaultFocalPoint()));
    }

    /**
     * Everyone told of a referral to the agency in the area: the focal point first, then the agency's further
     * recipients (each once). Empty when the agency is not in the directory.
     */
    @Override
    public List<Recipient> recipientsFor(String agency, String areaCode) {
        Optional<Recipient> focalPoint = focalPointFor(agency, areaCode);
        if (focalPoint.isEmpty()) {
            return List.of();
        }
        var all = new java.util.LinkedHashSet<Recipient>();
        all.add(focalPoint.get());
        all.addAll(byAgency.get(agency).further());
        return List.copyOf(all);
    }
}
