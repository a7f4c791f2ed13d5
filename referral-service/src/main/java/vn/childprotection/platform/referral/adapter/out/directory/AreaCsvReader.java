package vn.childprotection.platform.referral.adapter.out.directory;

import vn.childprotection.platform.referral.domain.Area;
import vn.childprotection.platform.referral.domain.AreaList;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads an area list CSV: {@code level,code,parent_code,name,type} (the format of areas-pre-2025.csv). Level is
 * province, district or commune; a commune's parent is a district (until 30 June 2025) or a province (two-level
 * hierarchy from 1 July 2025). Names are normalised to NFC. A broken line fails start-up naming the file and line.
 */
public final class AreaCsvReader {

    private static final Pattern CODE = Pattern.compile("[0-9]{2,5}");

    private AreaCsvReader() {
    }

    public static AreaList read(String source, String version, LocalDate effectiveFrom, InputStream in) {
        List<Area> areas = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !header.replace("\uFEFF", "").trim().startsWith("level,code,parent_code,name")) {
                throw new InvalidDirectoryException(source, List.of("header must be level,code,parent_code,name,type"));
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (cells.length < 4) {
                    problems.add("line " + number + ": expected level,code,parent_code,name,type");
                    continue;
                }
                Area.Level level;
                try {
                    level = Area.Level.valueOf(cells[0].trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + number + ": unknown level '" + cells[0] + "'");
                    continue;
                }
                String code = cells[1].trim();
                String parent = cells[2].trim().isEmpty() ? null : cells[2].trim();
                if (!CODE.matcher(code).matches() || (parent != null && !CODE.matcher(parent).matches())) {
                    problems.add("line " + number + ": code and parent_code must be 2 to 5 digits");
                    continue;
                }
                if ((level == Area.Level.PROVINCE) != (parent == null)) {
                    problems.add("line " + number + ": a province has no parent, every other unit has one");
                    continue;
                }
                areas.add(new Area(level, code, parent, Normalizer.normalize(cells[3].trim(), Normalizer.Form.NFC)));
            }
        } catch (IOException e) {
            throw new InvalidDirectoryException(source, List.of("cannot be read: " + e));
        }
        AreaList list = AreaList.of(version, effectiveFrom, areas);
        for (Area area : areas) {
            if (area.parentCode() != null && !list.byCode().containsKey(area.parentCode())) {
                problems.add("area " + area.code() + ": parent " + area.parentCode() + " is not in the list");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDirectoryException(source, problems);
        }
        return list;
    }
}
