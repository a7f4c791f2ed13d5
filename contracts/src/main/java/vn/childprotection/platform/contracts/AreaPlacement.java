package vn.childprotection.platform.contracts;

import java.util.List;

/**
 * How intake placed a report's area codes on the administrative map in force on the day it was received: the
 * report's {@code location} is the place in that map's codes; this says which map, what was done, and the codes as
 * the hotline gave them when they differ. Codes only, never personal data.
 *
 * @param areaMap  the map in force on the day ({@code VN-2025}: two levels, from 1 July 2025)
 * @param outcome  what was done to the codes
 * @param reported the codes as given, when they were mapped ({@code null} when placed as given)
 * @param notes    what was done, for the people who triage (empty when placed as given)
 */
public record AreaPlacement(String areaMap, Outcome outcome, Location reported, List<String> notes) {

    public AreaPlacement {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public enum Outcome {
        /** The codes name a place on the map in force. */
        AS_GIVEN,
        /** The codes were of the other map and were mapped without ambiguity (an old province, a kept code). */
        MAPPED,
        /** Accepted and placed as far as the codes allow; a person must pick the rest. */
        NEEDS_TRIAGE
    }
}
