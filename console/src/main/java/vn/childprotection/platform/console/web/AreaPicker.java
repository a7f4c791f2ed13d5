package vn.childprotection.platform.console.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.childprotection.platform.areas.AdministrativeMap;
import vn.childprotection.platform.areas.AreaMaps;
import vn.childprotection.platform.areas.AreaUnit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The pickers' areas: the provinces of the map in force today (Asia/Ho_Chi_Minh) and a province's communes, wards
 * and special zones, from the same maps intake checks reports against (module {@code areas}). Public data: any
 * signed-in person may read it.
 */
@RestController
public class AreaPicker {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AreaMaps maps;
    private final Clock clock;

    public AreaPicker(AreaMaps maps, Clock clock) {
        this.maps = maps;
        this.clock = clock;
    }

    /** One unit for a picker. */
    public record Unit(String code, String name, String fullName, String kind) {

        static Unit of(AreaUnit unit) {
            return new Unit(unit.code(), unit.name(), unit.fullName(), unit.kind());
        }
    }

    /** The map of the day, its provinces, and the communes of the province asked for (else none). */
    public record Picker(String map, LocalDate on, List<Unit> provinces, String province, List<Unit> communes) {
    }

    @GetMapping(path = "/areas", produces = MediaType.APPLICATION_JSON_VALUE)
    public Picker areas(@RequestParam(required = false) String province) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        AdministrativeMap map = maps.inForce(today);
        boolean known = province != null && map.has(province, AreaUnit.Level.PROVINCE);
        return new Picker(map.version(), today, map.provinces().stream().map(Unit::of).toList(),
                known ? province : null, known ? map.communesOf(province).stream().map(Unit::of).toList() : List.of());
    }
}
