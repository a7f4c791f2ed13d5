package vn.childprotection.platform.reporting.domain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Names of provinces and districts by GSO code (domain reference, "Area codes": the 63 provinces in force until
 * 30 June 2025 and the districts of the seed provinces), read from the CSV {@code level,code,parent_code,name,type}.
 */
public record Areas(Map<String, String> provinces, Map<String, String> districts) {

    public Areas {
        provinces = Collections.unmodifiableMap(new TreeMap<>(provinces));
        districts = Collections.unmodifiableMap(new TreeMap<>(districts));
    }

    public static Areas parse(List<String> csvLines) {
        Map<String, String> provinces = new TreeMap<>();
        Map<String, String> districts = new TreeMap<>();
        for (String line : csvLines.stream().skip(1).toList()) {
            if (line.isBlank()) continue;
            String[] cells = line.split(",", -1);
            if (cells.length < 4) {
                throw new IllegalStateException("area line with fewer than 4 cells: " + line);
            }
            switch (cells[0].trim()) {
                case "province" -> provinces.put(cells[1].trim(), cells[3].trim());
                case "district" -> districts.put(cells[1].trim(), cells[3].trim());
                default -> {
                    // communes and other levels are not named here
                }
            }
        }
        if (provinces.isEmpty()) {
            throw new IllegalStateException("no provinces in the area list");
        }
        return new Areas(provinces, districts);
    }

    public String provinceName(String code) {
        return provinces.getOrDefault(code, code);
    }

    public String districtName(String code) {
        return districts.getOrDefault(code, code);
    }
}
