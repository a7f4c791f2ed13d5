package vn.childprotection.platform.referral.domain;

import vn.childprotection.platform.contracts.Location;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The official lists of administrative units, versioned by effective date: the three-level list (province → district
 * → commune) until 30 June 2025, the two-level list (province → commune) in force from 1 July 2025 once it is loaded.
 * The list in force on a day is the one with the latest effectiveFrom not after it (the pre-2025 list stays in force
 * until a two-level list is loaded).
 *
 * <p>{@link #resolve} never drops a case: an unknown code is routed at the nearest known level and flagged for triage.
 */
public final class AreaDirectory {

    /** No area list configured: codes are taken as given, nothing is flagged. */
    public static final AreaDirectory NONE = new AreaDirectory(List.of());

    private final List<AreaList> lists;

    public AreaDirectory(List<AreaList> lists) {
        this.lists = lists.stream().sorted(Comparator.comparing(AreaList::effectiveFrom)).toList();
    }

    public List<AreaList> lists() {
        return lists;
    }

    /**
     * @param chain   known areas, most local first, the province last (at least the province code as given)
     * @param triage  why the case needs a human look at its area (unknown codes)
     * @param notes   what is worth telling that is not a problem (a level the list does not carry)
     */
    public record Resolved(List<String> chain, List<String> triage, List<String> notes, String listVersion) {
        public Resolved {
            chain = List.copyOf(chain);
            triage = List.copyOf(triage);
            notes = List.copyOf(notes);
        }

        public String mostLocal() {
            return chain.isEmpty() ? null : chain.getFirst();
        }

        public String province() {
            return chain.isEmpty() ? null : chain.getLast();
        }
    }

    public AreaList inForce(LocalDate day) {
        AreaList found = lists.getFirst();
        for (AreaList list : lists) {
            if (!list.effectiveFrom().isAfter(day)) {
                found = list;
            }
        }
        return found;
    }

    public Resolved resolve(Location location, LocalDate day) {
        if (location == null || blank(location.provinceCode())) {
            return new Resolved(List.of(), List.of("location.provinceCode is missing"), List.of(), null);
        }
        String province = location.provinceCode().trim();
        if (lists.isEmpty()) {
            return new Resolved(Stream.of(location.communeCode(), location.districtCode(), province)
                    .filter(c -> !blank(c)).toList(), List.of(), List.of(), null);
        }
        AreaList list = inForce(day);
        List<String> triage = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Area provinceArea = list.byCode().get(province);
        if (provinceArea == null || provinceArea.level() != Area.Level.PROVINCE) {
            triage.add("provinceCode " + province + " is not a province in area list " + list.version()
                    + ": routed to the national standing agency's province-level referral as given");
            return new Resolved(List.of(province), triage, notes, list.version());
        }
        List<String> chain = new ArrayList<>(List.of(province));
        String district = blank(location.districtCode()) ? null : location.districtCode().trim();
        if (district != null) {
            Area d = list.byCode().get(district);
            if (d != null && d.level() == Area.Level.DISTRICT && province.equals(d.parentCode())) {
                chain.addFirst(district);
            } else if (!list.listsLevelUnder(Area.Level.DISTRICT, province)) {
                notes.add("districtCode " + district + " ignored: area list " + list.version()
                        + " has no district level (two-level hierarchy from 1 July 2025)");
            } else {
                triage.add("districtCode " + district + " is unknown in province " + province + " (area list "
                        + list.version() + "): routed at province level");
            }
        }
        String commune = blank(location.communeCode()) ? null : location.communeCode().trim();
        if (commune != null) {
            Area c = list.byCode().get(commune);
            if (c != null && c.level() == Area.Level.COMMUNE && province.equals(list.provinceOf(c))
                    && (c.parentCode().equals(province) || c.parentCode().equals(chain.getFirst()))) {
                chain.addFirst(commune);
            } else if (c != null && c.level() == Area.Level.COMMUNE && province.equals(list.provinceOf(c))
                    && chain.size() == 1 && triage.isEmpty() && district == null) {
                // district not given: the commune's own district is known from the list
                chain.addFirst(c.parentCode());
                chain.addFirst(commune);
            } else if (!list.listsCommunesOf(province)) {
                notes.add("communeCode " + commune + " not checked: area list " + list.version()
                        + " does not list the communes of province " + province + "; routed at "
                        + (chain.size() > 1 ? "district" : "province") + " level");
            } else {
                triage.add("communeCode " + commune + " is unknown in " + (chain.size() > 1 ? "district "
                        + chain.getFirst() : "province " + province) + " (area list " + list.version()
                        + "): routed at " + (chain.size() > 1 ? "district" : "province") + " level");
            }
        }
        return new Resolved(chain, triage, notes, list.version());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
