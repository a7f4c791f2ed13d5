package vn.childprotection.platform.reporting.domain;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;

/** The indicator and calendar data files of the service, read as the service reads them. */
final class IndicatorData {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private IndicatorData() {
    }

    static Indicators.Catalog catalog() {
        return Indicators.validated(read("reporting/indicators.json", Indicators.Catalog.class));
    }

    static ReportCalendar calendar() {
        return read("reporting/reporting-calendar.json", ReportCalendar.class).validated();
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = IndicatorData.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
