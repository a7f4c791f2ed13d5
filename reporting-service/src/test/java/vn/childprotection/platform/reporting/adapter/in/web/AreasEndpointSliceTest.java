package vn.childprotection.platform.reporting.adapter.in.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.childprotection.platform.reporting.domain.Areas;
import vn.childprotection.platform.reporting.fixtures.ShippedMaps;
import vn.childprotection.platform.support.audit.AuditTrail;
import vn.childprotection.platform.support.security.ApiSecurityConfiguration;
import vn.childprotection.platform.testsupport.identity.TestActor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * GET /api/v1/areas, the source of the pickers: the map in force on a day (today by default, in Viet Nam) with its
 * provinces and their units, or one province's.
 */
@WebMvcTest(controllers = AreasController.class)
@Import(ApiSecurityConfiguration.class)
class AreasEndpointSliceTest {

    /** 7 December 2026, 00:30 in Viet Nam. */
    static final Instant TODAY = Instant.parse("2026-12-06T17:30:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class Config {

        @Bean
        Areas areas() {
            return ShippedMaps.AREAS;
        }

        @Bean
        Clock clock() {
            return Clock.fixed(TODAY, ZoneOffset.UTC);
        }
    }

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AuditTrail audit;
    @MockitoBean
    JwtDecoder decoder;

    @Test
    void today_the_map_has_34_provinces_each_with_its_communes() throws Exception {
        mvc.perform(get("/api/v1/areas").with(TestActor.ANALYST_11.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.map").value("VN-2026-04"))
                .andExpect(jsonPath("$.on").value("2026-12-07"))
                .andExpect(jsonPath("$.effectiveFrom").value("2026-04-30"))
                .andExpect(jsonPath("$.effectiveUntil").value(nullValue()))
                .andExpect(jsonPath("$.hasDistricts").value(false))
                .andExpect(jsonPath("$.provinces.length()").value(34))
                .andExpect(jsonPath("$.provinces['11']").value("Điện Biên"))
                .andExpect(jsonPath("$.districts.length()").value(0))
                .andExpect(jsonPath("$.units", hasSize(34)))
                .andExpect(jsonPath("$.units[?(@.code == '11')].communes[?(@.code == '03127')].fullName")
                        .value(contains("Phường Điện Biên Phủ")))
                .andExpect(jsonPath("$.units[?(@.code == '11')].communes[?(@.code == '03127')].kind")
                        .value(contains("ward")))
                .andExpect(jsonPath("$.units[?(@.code == '91')].communes[?(@.code == '31078')].kind")
                        .value(contains("special-zone")));
    }

    @Test
    void on_30_june_2025_the_map_has_63_provinces_with_their_districts_and_communes() throws Exception {
        mvc.perform(get("/api/v1/areas?on=2025-06-30").with(TestActor.ANALYST_11.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.map").value("VN-2024"))
                .andExpect(jsonPath("$.effectiveUntil").value("2025-06-30"))
                .andExpect(jsonPath("$.hasDistricts").value(true))
                .andExpect(jsonPath("$.provinces.length()").value(63))
                .andExpect(jsonPath("$.units", hasSize(63)))
                .andExpect(jsonPath("$.districts['094']").value("Điện Biên Phủ"))
                .andExpect(jsonPath("$.units[?(@.code == '89')].latestProvince").value(contains("91")))
                .andExpect(jsonPath("$.units[?(@.code == '11')].districts[?(@.code == '094')].communes[?(@.code "
                        + "== '03127')].name").value(contains("Him Lam")));
    }

    @Test
    void one_province_of_todays_map_and_on_an_earlier_day_the_provinces_it_was_made_of() throws Exception {
        mvc.perform(get("/api/v1/areas?province=11").with(TestActor.ANALYST_11.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.units[*].code").value(contains("11")))
                .andExpect(jsonPath("$.units[0].districts", hasSize(0)))
                .andExpect(jsonPath("$.units[0].communes[?(@.code == '03127')].name")
                        .value(contains("Điện Biên Phủ")));
        mvc.perform(get("/api/v1/areas?on=2024-05-20&province=89").with(TestActor.ANALYST_11.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.map").value("VN-2024"))
                .andExpect(jsonPath("$.units[*].code").value(contains("89", "91")))
                .andExpect(jsonPath("$.units[*].latestProvince").value(contains("91", "91")))
                .andExpect(jsonPath("$.provinces.length()").value(2))
                .andExpect(jsonPath("$.provinces['89']").value("An Giang"))
                .andExpect(jsonPath("$.provinces['91']").value("Kiên Giang"));
    }

    @Test
    void a_day_that_is_no_date_or_a_code_of_no_province_is_a_problem_naming_the_parameter() throws Exception {
        mvc.perform(get("/api/v1/areas?on=30/06/2025&province=99").with(TestActor.ANALYST_11.bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(contains("on", "province")));
        mvc.perform(get("/api/v1/areas").with(TestActor.POLICE_11.bearer())).andExpect(status().isForbidden());
    }
}
