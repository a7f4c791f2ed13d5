package vn.childprotection.platform.referral.adapter.out.directory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;
import vn.childprotection.platform.contracts.Agencies;
import vn.childprotection.platform.referral.domain.AgencyDirectory;
import vn.childprotection.platform.referral.domain.AgencyUnit;
import vn.childprotection.platform.referral.domain.AreaList;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the agency directory ({@code directory/agency-units.yaml}): the agency codes (the national seven plus the
 * provinces' codes) and the units serving each area. Checks: known agency codes, unique unit ids, area codes that
 * exist in one of the area lists.
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
                    String backup, Boolean placeholder, String note) {
    }

    public static AgencyDirectory read(String source, InputStream in, List<AreaList> areaLists) {
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
        Set<String> ids = new HashSet<>();
        List<AgencyUnit> units = new ArrayList<>();
        for (UnitFile unit : file.units() == null ? List.<UnitFile>of() : file.units()) {
            String label = "unit " + unit.id();
            if (unit.id() == null || !ids.add(unit.id())) {
                problems.add(label + ": id missing or used twice");
                continue;
            }
            if (unit.agencies() == null || unit.agencies().isEmpty()) {
                problems.add(label + ": names no agency");
                continue;
            }
            unit.agencies().stream().filter(a -> !agencies.containsKey(a))
                    .forEach(a -> problems.add(label + ": unknown agency " + a));
            if (unit.areaCode() == null
                    || areaLists.stream().noneMatch(list -> list.byCode().containsKey(unit.areaCode()))) {
                problems.add(label + ": area " + unit.areaCode() + " is in no area list");
            }
            units.add(new AgencyUnit(unit.id(), Set.copyOf(unit.agencies()), String.valueOf(unit.areaCode()),
                    unit.name(), unit.focalPoint(), unit.backup(), !Boolean.FALSE.equals(unit.placeholder())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(source, problems);
        }
        return new AgencyDirectory(agencies, units);
    }
}
