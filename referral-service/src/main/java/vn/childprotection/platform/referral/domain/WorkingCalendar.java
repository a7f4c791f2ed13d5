package vn.childprotection.platform.referral.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working days: Monday to Friday except public holidays (Decree 56/2017 Art 28.1 counts the support plan's 5 days as
 * working days). Holidays are configuration data (the lunar ones, Tết and Hùng Kings, move each year).
 */
public record WorkingCalendar(Set<LocalDate> holidays) {

    public WorkingCalendar {
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    public boolean workingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }

    /** The same local time {@code days} working days later (the day of receipt does not count). */
    public ZonedDateTime plusWorkingDays(ZonedDateTime from, int days) {
        ZonedDateTime at = from;
        int left = days;
        while (left > 0) {
            at = at.plusDays(1);
            if (workingDay(at.toLocalDate())) {
                left--;
            }
        }
        return at;
    }
}
