package vn.childprotection.platform.reporting.adapter.out.mongo;

import java.time.LocalDate;

/** Enum codes and dates as stored strings. */
final class Codes {

    private Codes() {
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** A stored code this version does not know reads as {@code null} rather than failing the whole read. */
    static <E extends Enum<E>> E parse(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
