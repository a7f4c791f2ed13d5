package vn.childprotection.platform.areas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the maps named by a manifest ({@code maps.csv}: {@code version,file,effective_from,effective_until,
 * succession_from_previous}) and their files, and checks them together: codes, levels, parents, each file's own
 * effective dates against the manifest, and the successions' codes against the maps they join. A problem fails
 * loading with the file and line, so a broken map never reaches a running service.
 */
public final class AreaMapsLoader {

    /** The maps shipped with the platform, on the classpath under {@code areas/}. */
    public static final String DEFAULT_LOCATION = "areas/";

    private static final Pattern CODE = Pattern.compile("[0-9]{2,5}");
    private static volatile AreaMaps shipped;

    private AreaMapsLoader() {
    }

    /** The maps shipped with the platform (read once per class loader; about 14,000 units). */
    public static AreaMaps shipped() {
        AreaMaps maps = shipped;
        if (maps == null) {
            synchronized (AreaMapsLoader.class) {
                maps = shipped;
                if (maps == null) {
                    maps = fromClasspath(DEFAULT_LOCATION);
                    shipped = maps;
                }
            }
        }
        return maps;
    }

    /** @param base a classpath folder holding {@code maps.csv} and the files it names ({@code areas/}) */
    public static AreaMaps fromClasspath(String base) {
        ClassLoader loader = AreaMapsLoader.class.getClassLoader();
        return load(base + "maps.csv", name -> {
            InputStream in = loader.getResourceAsStream(base + name);
            if (in == null) {
                throw new InvalidAreaMapException(base + name, List.of("not found on the classpath"));
            }
            return in;
        });
    }

    /**
     * @param manifest the manifest's name (for messages)
     * @param open     opens the manifest ({@code "maps.csv"}) and every file it names
     */
    public static AreaMaps load(String manifest, Function<String, InputStream> open) {
        List<String[]> rows = rows(manifest, open.apply("maps.csv"),
                List.of("version", "file", "effective_from", "effective_until", "succession_from_previous"));
        List<AdministrativeMap> maps = new ArrayList<>();
        List<Succession> successions = new ArrayList<>();
        AdministrativeMap previous = null;
        for (String[] row : rows) {
            LocalDate from = date(manifest, row[2]);
            LocalDate until = date(manifest, row[3]);
            AdministrativeMap map = readMap(row[1], open.apply(row[1]), row[0], from, until);
            if (!row[4].isBlank()) {
                if (previous == null) {
                    throw new InvalidAreaMapException(manifest, List.of("the first map has no previous map to "
                            + "succeed"));
                }
                successions.add(readSuccession(row[4], open.apply(row[4]), previous, map));
            } else if (previous != null) {
                throw new InvalidAreaMapException(manifest, List.of("map " + row[0] + " names no succession file"));
            }
            maps.add(map);
            previous = map;
        }
        try {
            return new AreaMaps(maps, successions);
        } catch (IllegalArgumentException e) {
            throw new InvalidAreaMapException(manifest, List.of(e.getMessage()));
        }
    }

    static AdministrativeMap readMap(String source, InputStream in, String version, LocalDate from, LocalDate until) {
        List<String> problems = new ArrayList<>();
        Map<String, AreaUnit> units = new HashMap<>();
        List<String> header = new ArrayList<>();
        List<String[]> rows = rows(source, in, null, header);
        int code = header.indexOf("code");
        int name = header.indexOf("name");
        int fullName = header.indexOf("full_name");
        int level = header.indexOf("level");
        int parent = header.indexOf("parent_code");
        int fromColumn = header.indexOf("effective_from");
        int untilColumn = header.indexOf("effective_until");
        if (code < 0 || name < 0 || level < 0 || parent < 0) {
            throw new InvalidAreaMapException(source, List.of("header must name code, name, level and parent_code"));
        }
        int line = 1;
        for (String[] row : rows) {
            line++;
            String label = "line " + line + ": ";
            AreaUnit.Level unitLevel;
            try {
                unitLevel = AreaUnit.Level.of(row[level]);
            } catch (IllegalArgumentException e) {
                problems.add(label + e.getMessage());
                continue;
            }
            String parentCode = row[parent].isBlank() ? null : row[parent].trim();
            if (!CODE.matcher(row[code].trim()).matches() || (parentCode != null
                    && !CODE.matcher(parentCode).matches())) {
                problems.add(label + "code and parent_code must be 2 to 5 digits");
                continue;
            }
            if ((unitLevel == AreaUnit.Level.PROVINCE) != (parentCode == null)) {
                problems.add(label + "a province has no parent, every other unit has one");
                continue;
            }
            if (fromColumn >= 0 && !row[fromColumn].isBlank() && !String.valueOf(from).equals(row[fromColumn].trim())) {
                problems.add(label + "effective_from " + row[fromColumn] + " differs from the manifest's " + from);
            }
            if (untilColumn >= 0 && !row[untilColumn].isBlank()
                    && !String.valueOf(until).equals(row[untilColumn].trim())) {
                problems.add(label + "effective_until " + row[untilColumn] + " differs from the manifest's " + until);
            }
            AreaUnit unit = new AreaUnit(row[code].trim(), nfc(row[name]), fullName < 0 ? nfc(row[name])
                    : nfc(row[fullName]), unitLevel, row[level].trim(), parentCode);
            if (units.putIfAbsent(unit.code(), unit) != null) {
                problems.add(label + "code " + unit.code() + " is listed twice");
            }
        }
        for (AreaUnit unit : units.values()) {
            if (unit.parentCode() != null) {
                AreaUnit p = units.get(unit.parentCode());
                if (p == null || p.level().ordinal() >= unit.level().ordinal()) {
                    problems.add("unit " + unit.code() + ": parent " + unit.parentCode() + " is not a unit above it");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidAreaMapException(source, problems);
        }
        return new AdministrativeMap(version, from, until, units);
    }

    static Succession readSuccession(String source, InputStream in, AdministrativeMap from, AdministrativeMap to) {
        List<String[]> rows = rows(source, in, List.of("level", "old_code", "old_name", "old_parent_code", "new_code",
                "new_name", "new_parent_code"));
        List<String> problems = new ArrayList<>();
        Map<String, String> provinces = new HashMap<>();
        Map<String, String> units = new HashMap<>();
        int line = 1;
        for (String[] row : rows) {
            line++;
            String oldCode = row[1].trim();
            String newCode = row[4].trim();
            boolean province = "province".equals(row[0].trim());
            AreaUnit.Level level = province ? AreaUnit.Level.PROVINCE : AreaUnit.Level.COMMUNE;
            if (!province && !"commune".equals(row[0].trim())) {
                problems.add("line " + line + ": level must be province or commune");
            } else if (!from.has(oldCode, level) || !to.has(newCode, level)) {
                problems.add("line " + line + ": " + oldCode + " must be a " + row[0] + " of " + from.version()
                        + " and " + newCode + " one of " + to.version());
            } else if ((province ? provinces.put(oldCode, newCode) : units.put(newCode, oldCode)) != null) {
                problems.add("line " + line + ": listed twice");
            }
        }
        from.provinces().stream().filter(p -> !provinces.containsKey(p.code()))
                .forEach(p -> problems.add("province " + p.code() + " of " + from.version() + " has no successor"));
        if (!problems.isEmpty()) {
            throw new InvalidAreaMapException(source, problems);
        }
        return new Succession(from.version(), to.version(), provinces, units);
    }

    private static List<String[]> rows(String source, InputStream in, List<String> expected) {
        return rows(source, in, expected, new ArrayList<>());
    }

    private static List<String[]> rows(String source, InputStream in, List<String> expected, List<String> header) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            if (first == null) {
                throw new InvalidAreaMapException(source, List.of("is empty"));
            }
            header.addAll(Arrays.stream(first.replace("\uFEFF", "").split(",", -1)).map(String::trim).toList());
            if (expected != null && !header.equals(expected)) {
                throw new InvalidAreaMapException(source, List.of("header must be " + String.join(",", expected)));
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length != header.size()) {
                    throw new InvalidAreaMapException(source, List.of("line " + number + ": expected "
                            + header.size() + " cells, found " + cells.length));
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(source + " cannot be read", e);
        }
        return rows;
    }

    private static LocalDate date(String source, String text) {
        try {
            return text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidAreaMapException(source, List.of("'" + text + "' is not a date (yyyy-mm-dd)"));
        }
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text.trim(), Normalizer.Form.NFC);
    }
}
