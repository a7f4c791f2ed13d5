package vn.childprotection.platform.areas;

import org.junit.jupiter.api.Test;
import vn.childprotection.platform.areas.Placement.Outcome;
import vn.childprotection.platform.contracts.Location;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped maps (domain reference, "Area codes: two administrative maps") and how a report's codes are placed on
 * the map in force on its day.
 */
class AreaMapsTest {

    private static final AreaMaps MAPS = AreaMapsLoader.shipped();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate LAST_DAY_OF_OLD_MAP = LocalDate.of(2025, 6, 30);
    private static final LocalDate FIRST_DAY_OF_NEW_MAP = LocalDate.of(2025, 7, 1);

    private static Location at(String province, String district, String commune) {
        return new Location(province, district, commune);
    }

    @Test
    void theThreeLevelMapIsInForceUntil30June2025AndTheTwoLevelMapFrom1July() {
        assertThat(MAPS.inForce(LAST_DAY_OF_OLD_MAP).version()).isEqualTo("VN-2024");
        assertThat(MAPS.inForce(FIRST_DAY_OF_NEW_MAP).version()).isEqualTo("VN-2025");
        assertThat(MAPS.inForce(LocalDate.of(2010, 1, 1)).version()).isEqualTo("VN-2024");
        AdministrativeMap old = MAPS.map("VN-2024").orElseThrow();
        AdministrativeMap now = MAPS.map("VN-2025").orElseThrow();
        assertThat(old.provinces()).hasSize(63);
        assertThat(old.units().values()).filteredOn(u -> u.level() == AreaUnit.Level.DISTRICT).hasSize(696);
        assertThat(old.units().values()).filteredOn(u -> u.level() == AreaUnit.Level.COMMUNE).hasSize(10_035);
        assertThat(now.provinces()).hasSize(34);
        assertThat(now.units().values()).filteredOn(u -> u.level() == AreaUnit.Level.COMMUNE).hasSize(3_321);
        assertThat(now.hasDistricts()).isFalse();
        assertThat(MAPS.inForce(TODAY).version()).isEqualTo("VN-2026-04");
    }

    /**
     * Standing Committee Resolution 237/NQ-UBTVQH16 made ten communes of Đồng Nai wards, and National Assembly
     * Resolution 30/2026/QH16 made Đồng Nai a city, both from 30 April 2026: a new map from that day, the codes kept.
     */
    @Test
    void tenCommunesOfDongNaiBecameWardsOn30April2026UnderTheSameCodes() {
        LocalDate before = LocalDate.of(2026, 4, 29);
        LocalDate after = LocalDate.of(2026, 4, 30);
        Placement asCommune = MAPS.place(at("75", null, "26248"), before);
        Placement asWard = MAPS.place(at("75", null, "26248"), after);

        assertThat(asCommune.areaMap()).isEqualTo("VN-2025");
        assertThat(MAPS.inForce(before).unit("26248").orElseThrow().fullName()).isEqualTo("Xã Trảng Bom");
        assertThat(MAPS.inForce(before).unit("75").orElseThrow().kind()).isEqualTo("province");
        assertThat(asWard.areaMap()).isEqualTo("VN-2026-04");
        assertThat(MAPS.inForce(after).unit("26248").orElseThrow().fullName()).isEqualTo("Phường Trảng Bom");
        assertThat(MAPS.inForce(after).unit("75").orElseThrow().kind()).isEqualTo("municipality");
        assertThat(asCommune.outcome()).isEqualTo(asWard.outcome()).isEqualTo(Outcome.AS_GIVEN);
        assertThat(asWard.chainOn("VN-2025")).containsExactly("26248", "75");
        assertThat(asWard.chainOn("VN-2024")).isEqualTo(asCommune.chainOn("VN-2024")).hasSize(3);
        assertThat(MAPS.latestProvinceOf("VN-2024", "75")).isEqualTo("75");
    }

    @Test
    void everyProvinceAndCommuneOfTodaysMapIsPlacedAsGiven() {
        AdministrativeMap now = MAPS.inForce(TODAY);
        for (AreaUnit province : now.provinces()) {
            assertThat(MAPS.place(at(province.code(), null, null), TODAY).outcome()).isEqualTo(Outcome.AS_GIVEN);
            for (AreaUnit commune : now.communesOf(province.code())) {
                Placement placed = MAPS.place(at(province.code(), null, commune.code()), TODAY);
                assertThat(placed.outcome()).as(commune.code()).isEqualTo(Outcome.AS_GIVEN);
                assertThat(placed.chain()).containsExactly(commune.code(), province.code());
            }
        }
    }

    @Test
    void aCommuneOfTheNewAnGiangIsTracedToTheOldProvinceItWasIn() {
        Placement formerAnGiang = MAPS.place(at("91", null, "30292"), TODAY);
        Placement formerKienGiang = MAPS.place(at("91", null, "30742"), TODAY);

        assertThat(formerAnGiang.chainOn("VN-2024")).containsExactly("30292", "883", "89");
        assertThat(formerKienGiang.chainOn("VN-2024")).containsExactly("30742", "899", "91");
        assertThat(MAPS.place(at("19", null, "01843"), TODAY).chainOn("VN-2024")).containsExactly("01843", "058",
                "06");
    }

    @Test
    void aProvinceAloneIsTracedBackOnlyWhenItHadOnePredecessor() {
        assertThat(MAPS.place(at("11", null, null), TODAY).chainOn("VN-2024")).containsExactly("11");
        assertThat(MAPS.place(at("91", null, null), TODAY).chainOn("VN-2024")).isEmpty();
    }

    @Test
    void aMergedProvinceCodeIsMappedToItsNewProvince() {
        Placement bacKan = MAPS.place(at("06", null, null), TODAY);
        Placement oldAnGiangWithKeptCode = MAPS.place(at("89", null, "30292"), TODAY);

        assertThat(bacKan.outcome()).isEqualTo(Outcome.MAPPED);
        assertThat(bacKan.location()).isEqualTo(at("19", null, null));
        assertThat(bacKan.notes()).anySatisfy(n -> assertThat(n).contains("06").contains("19"));
        assertThat(oldAnGiangWithKeptCode.outcome()).isEqualTo(Outcome.MAPPED);
        assertThat(oldAnGiangWithKeptCode.location()).isEqualTo(at("91", null, "30292"));
        assertThat(oldAnGiangWithKeptCode.chainOn("VN-2024")).containsExactly("30292", "883", "89");
    }

    @Test
    void aReportOfTodayThatNamesADistrictIsReadOnTheOldMapAndMappedNotLost() {
        Placement districtOnly = MAPS.place(at("11", "094", null), TODAY);
        Placement keptCommune = MAPS.place(at("11", "094", "03127"), TODAY);
        Placement mergedCommune = MAPS.place(at("11", "094", "03124"), TODAY);

        assertThat(districtOnly.outcome()).isEqualTo(Outcome.MAPPED);
        assertThat(districtOnly.location()).isEqualTo(at("11", null, null));
        assertThat(districtOnly.chainOn("VN-2024")).as("the former district, for rules written for it")
                .containsExactly("094", "11");
        assertThat(keptCommune.outcome()).isEqualTo(Outcome.MAPPED);
        assertThat(keptCommune.location()).isEqualTo(at("11", null, "03127"));
        assertThat(keptCommune.chainOn("VN-2024")).containsExactly("03127", "094", "11");
        assertThat(mergedCommune.outcome()).isEqualTo(Outcome.NEEDS_TRIAGE);
        assertThat(mergedCommune.location()).isEqualTo(at("11", null, null));
        assertThat(mergedCommune.notes()).anySatisfy(n -> assertThat(n).contains("03124").contains("pick the commune"));
    }

    @Test
    void theChangeFallsBetween30June2359And1July0000() {
        Placement lastMinute = MAPS.place(at("89", "883", "30280"), LAST_DAY_OF_OLD_MAP);
        Placement firstMinute = MAPS.place(at("89", "883", "30280"), FIRST_DAY_OF_NEW_MAP);

        assertThat(lastMinute.areaMap()).isEqualTo("VN-2024");
        assertThat(lastMinute.outcome()).isEqualTo(Outcome.AS_GIVEN);
        assertThat(lastMinute.chain()).containsExactly("30280", "883", "89");
        assertThat(firstMinute.areaMap()).isEqualTo("VN-2025");
        assertThat(firstMinute.outcome()).isEqualTo(Outcome.NEEDS_TRIAGE);
        assertThat(firstMinute.location()).isEqualTo(at("91", null, null));
    }

    @Test
    void aSpecialZoneIsACommuneLevelUnitTracedToTheOldUnitItCameFrom() {
        Placement phuQuoc = MAPS.place(at("91", null, "31078"), TODAY);
        Placement conDao = MAPS.place(at("79", null, "26732"), TODAY);

        assertThat(phuQuoc.outcome()).isEqualTo(Outcome.AS_GIVEN);
        assertThat(MAPS.inForce(TODAY).unit("31078").orElseThrow().kind()).isEqualTo("special-zone");
        assertThat(phuQuoc.chainOn("VN-2024")).containsExactly("31078", "911", "91");
        // Côn Đảo took no commune's code: the old island district of that name (no communes) is its predecessor
        assertThat(conDao.chainOn("VN-2024")).containsExactly("755", "77");
    }

    @Test
    void codesOfNoMapOrThatDoNotFitTogetherAreProblemsNamingTheField() {
        assertThat(MAPS.place(at("99", null, null), TODAY).problems())
                .extracting(Placement.Problem::field).containsExactly("location.provinceCode");
        assertThat(MAPS.place(at("01", null, "30292"), TODAY).problems())
                .extracting(Placement.Problem::field).containsExactly("location.communeCode");
        assertThat(MAPS.place(at("11", "001", null), TODAY).problems())
                .extracting(Placement.Problem::field).contains("location.districtCode");
        assertThat(MAPS.place(at(null, null, null), TODAY).outcome()).isEqualTo(Outcome.INVALID);
    }

    @Test
    void aCodeOfTheNewMapUsedBeforeTheChangeIsPlacedOnTheOldCommuneItCameFromForTriage() {
        Placement placed = MAPS.place(at("91", null, "30292"), LAST_DAY_OF_OLD_MAP);

        assertThat(placed.outcome()).isEqualTo(Outcome.NEEDS_TRIAGE);
        assertThat(placed.chain()).containsExactly("30292", "883", "89");
    }

    @Test
    void mergedProvincesFigureUnderTheirSuccessorOnTheLatestMap() {
        assertThat(MAPS.latestProvinceOf("VN-2024", "89")).isEqualTo("91");
        assertThat(MAPS.latestProvinceOf("VN-2024", "91")).isEqualTo("91");
        assertThat(MAPS.latestProvinceOf("VN-2024", "06")).isEqualTo("19");
        assertThat(MAPS.latestProvinceOf("VN-2025", "19")).isEqualTo("19");
    }

    /** A later reorganisation is one more manifest line and two files: here a commune code changed on 30 April 2026. */
    @Test
    void aCommuneCodeThatChangedOn30April2026IsPlacedByTheMapOfTheDay() {
        Map<String, String> files = Map.of(
                "maps.csv", """
                        version,file,effective_from,effective_until,succession_from_previous
                        OLD,old.csv,,2025-06-30,
                        TWO,two.csv,2025-07-01,2026-04-29,two-succession.csv
                        TWO-R1,two-r1.csv,2026-04-30,,two-r1-succession.csv
                        """,
                "old.csv", """
                        code,name,full_name,level,parent_code,effective_until
                        11,Điện Biên,Tỉnh Điện Biên,province,,2025-06-30
                        094,Điện Biên Phủ,Thành phố Điện Biên Phủ,district,11,2025-06-30
                        03127,Him Lam,Phường Him Lam,ward,094,2025-06-30
                        """,
                "two.csv", """
                        code,name,full_name,level,parent_code,effective_from
                        11,Điện Biên,Tỉnh Điện Biên,province,,2025-07-01
                        03127,Điện Biên Phủ,Phường Điện Biên Phủ,ward,11,2025-07-01
                        """,
                "two-succession.csv", """
                        level,old_code,old_name,old_parent_code,new_code,new_name,new_parent_code
                        province,11,Điện Biên,,11,Điện Biên,
                        commune,03127,Him Lam,094,03127,Điện Biên Phủ,11
                        """,
                "two-r1.csv", """
                        code,name,full_name,level,parent_code,effective_from
                        11,Điện Biên,Tỉnh Điện Biên,province,,
                        03128,Điện Biên Phủ,Phường Điện Biên Phủ,ward,11,
                        """,
                "two-r1-succession.csv", """
                        level,old_code,old_name,old_parent_code,new_code,new_name,new_parent_code
                        province,11,Điện Biên,,11,Điện Biên,
                        commune,03127,Điện Biên Phủ,11,03128,Điện Biên Phủ,11
                        """);
        AreaMaps maps = AreaMapsLoader.load("fixture", name -> new ByteArrayInputStream(
                files.get(name).getBytes(StandardCharsets.UTF_8)));

        Placement before = maps.place(at("11", null, "03127"), LocalDate.of(2026, 4, 29));
        Placement oldCodeAfter = maps.place(at("11", null, "03127"), LocalDate.of(2026, 4, 30));
        Placement newCodeAfter = maps.place(at("11", null, "03128"), LocalDate.of(2026, 4, 30));

        assertThat(before.outcome()).isEqualTo(Outcome.AS_GIVEN);
        assertThat(oldCodeAfter.outcome()).isEqualTo(Outcome.MAPPED);
        assertThat(oldCodeAfter.location()).isEqualTo(at("11", null, "03128"));
        assertThat(newCodeAfter.outcome()).isEqualTo(Outcome.AS_GIVEN);
        assertThat(newCodeAfter.chains()).containsEntry("TWO", List.of("03127", "11"))
                .containsEntry("OLD", List.of("03127", "094", "11"));
        assertThat(maps.place(at("11", "094", "03127"), LocalDate.of(2026, 5, 1)).location())
                .isEqualTo(at("11", null, "03128"));
    }

    @Test
    void aBrokenMapFileFailsLoadingNamingTheFileAndLine() {
        Map<String, String> files = Map.of(
                "maps.csv", "version,file,effective_from,effective_until,succession_from_previous\nA,a.csv,,,\n",
                "a.csv", "code,name,full_name,level,parent_code\n11,Điện Biên,Tỉnh Điện Biên,province,\n"
                        + "03127,Him Lam,Phường Him Lam,hamlet,11\n");
        assertThatThrownBy(() -> AreaMapsLoader.load("fixture", name -> new ByteArrayInputStream(
                files.get(name).getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(InvalidAreaMapException.class).hasMessageContaining("a.csv").hasMessageContaining(
                        "line 3");
    }
}
