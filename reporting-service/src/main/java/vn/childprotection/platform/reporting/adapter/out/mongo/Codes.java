package vn.childprotection.platform.reporting.adapter.out.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Enum codes, instants and lists as stored values. */
final class Codes {

    private Codes() {
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Object value) {
        return value instanceof Date d ? d.toInstant() : null;
    }

    /** A stored code this version does not know reads as {@code null} rather than failing the whole read. */
    static <E extends Enum<E>> E parse(Class<E> type, Object code) {
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code.toString());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static <E extends Enum<E>> List<E> parseAll(Class<E> type, Object codes) {
        if (!(codes instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().map(code -> parse(type, code)).filter(java.util.Objects::nonNull).toList();
    }

    static List<String> names(java.util.Collection<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }

    @SuppressWarnings("unchecked")
    static List<String> strings(Object value) {
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }
}
