package vn.childprotection.platform.referral.adapter.out.directory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.childprotection.platform.areas.AdministrativeMap;
import vn.childprotection.platform.areas.AreaMaps;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.referral.domain.AgencyDirectory;
import vn.childprotection.platform.referral.domain.AgencyUnit;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the agency directory ({@code directory/agency-units.yaml}): the agency codes (the national seven plus the
 * provinces' codes) and the units serving each area, each for its days ({@code effectiveFrom}/{@code effectiveUntil},
 * inclusive, optional). Checks: known agency codes; a unit id used again only for days that do not overlap (a unit
 * whose name or holder changed); an area code that is a unit of every map in force while the unit exists.
 */
public final class AgencyDirectoryReader {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final Pattern AGENCY_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private AgencyDirectoryReader() {
    }

    record DirectoryFile(String version, List<AgencyFile> agencies, List<UnitFile> units) {
    }

    record AgencyFile(String code, String name) {
    }

    record UnitFile(String id, List<String> agencies, String areaCode, String name, String focalPoint,
                    String backup, Boolean placeholder, String note, LocalDate effectiveFrom,
                    LocalDate effectiveUntil) {
    }

    public static AgencyDirectory read(String source, InputStream in, AreaMaps maps) {
        DirectoryFile file;
        try (in) {
            file = YAML.readValue(in, DirectoryFile.class);
        } catch (JacksonException e) {
            throw new InvalidDirectoryException(source, List.of("not a readable directory: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidDirectoryException(source, List.of("cannot be read: " + e));
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> agencies = new LinkedHashMap<>();
        for (AgencyFile agency : file.agencies() == null ? List.<AgencyFile>of() : file.agencies()) {
            if (agency.code() == null || !AGENCY_CODE.matcher(agency.code()).matches()) {
                problems.add("agency '" + agency.code() + "' is not an agency code");
            } else {
                agencies.put(agency.code(), agency.name());
            }
        }
        for (String national : Agencies.NATIONAL) {
            if (!agencies.containsKey(national)) {
                problems.add("national agency " + national + " is missing");
            }
        }
        Map<String, List<UnitFile>> periods = new HashMap<>();
        List<AgencyUnit> units = new ArrayList<>();
        for (UnitFile unit : file.units() == null ? List.<UnitFile>of() : file.units()) {
            String label = "unit " + unit.id();
            if (unit.id() == null) {
                problems.add(label + ": id missing");
                continue;
            }
            if (unit.effectiveFrom() != null && unit.effectiveUntil() != null
                    && unit.effectiveUntil().isBefore(unit.effectiveFrom())) {
                problems.add(label + ": effectiveUntil is before effectiveFrom");
                continue;
            }
            List<UnitFile> earlier = periods.computeIfAbsent(unit.id(), k -> new ArrayList<>());
            if (earlier.stream().anyMatch(e -> overlap(e, unit))) {
                problems.add(label + ": id used twice for overlapping days");
                continue;
            }
            earlier.add(unit);
            if (unit.agencies() == null || unit.agencies().isEmpty()) {
                problems.add(label + ": names no agency");
                continue;
            }
            unit.agencies().stream().filter(a -> !agencies.containsKey(a))
                    .forEach(a -> problems.add(label + ": unknown agency " + a));
            List<AdministrativeMap> inForce = maps.maps().stream()
                    .filter(map -> map.inForceDuring(unit.effectiveFrom(), unit.effectiveUntil())).toList();
            if (unit.areaCode() == null) {
                problems.add(label + ": areaCode missing");
            } else if (inForce.isEmpty()) {
                problems.add(label + ": no map is in force while the unit exists");
            } else {
                inForce.stream().filter(map -> map.unit(unit.areaCode()).isEmpty()).forEach(map -> problems.add(
                        label + ": area " + unit.areaCode() + " is not a unit of map " + map.version()
                                + ", in force while the unit exists (give it effective dates)"));
            }
            units.add(new AgencyUnit(unit.id(), Set.copyOf(unit.agencies()), String.valueOf(unit.areaCode()),
                    unit.name(), unit.focalPoint(), unit.backup(), !Boolean.FALSE.equals(unit.placeholder()),
                    unit.effectiveFrom(), unit.effectiveUntil()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(source, problems);
        }
        return new AgencyDirectory(agencies, units);
    }

    private static boolean overlap(UnitFile a, UnitFile b) {
        return overlap(a.effectiveFrom(), a.effectiveUntil(), b.effectiveFrom(), b.effectiveUntil());
    }

    /** Whether two inclusive periods ({@code null}: open) share a day. */
    private static boolean overlap(LocalDate fromA, LocalDate untilA, LocalDate fromB, LocalDate untilB) {
        return (untilB == null || fromA == null || !fromA.isAfter(untilB))
                && (untilA == null || fromB == null || !fromB.isAfter(untilA));
    }
}
