package vn.childprotection.platform.areas;

import vn.childprotection.platform.contracts.Location;

import java.util.List;
import java.util.Map;

/**
 * Where a report's codes put it on the map in force on the day it was received, and what was done to get there.
 *
 * @param areaMap  the map in force on the day ({@code VN-2025})
 * @param location the place in that map's codes (no district on the two-level map); the province as given when it
 *                 names no province of either map
 * @param chain    that place and its parents on {@code areaMap}, most local first (empty when no province is known)
 * @param chains   the same place on every map it can be traced to (the map in force and its predecessor), so that a
 *                 rule or unit of the former territory finds it ({@code VN-2024 → [03127, 094, 11]})
 * @param outcome  what was done
 * @param notes    what was done, for people (codes only, never personal data)
 * @param problems what is wrong with the codes as given (only when {@link Outcome#INVALID})
 * @param reported the location as given
 */
public record Placement(String areaMap, Location location, List<String> chain, Map<String, List<String>> chains,
                        Outcome outcome, List<String> notes, List<Problem> problems, Location reported) {

    public Placement {
        chain = List.copyOf(chain);
        chains = Map.copyOf(chains);
        notes = List.copyOf(notes);
        problems = List.copyOf(problems);
    }

    /** What placing the codes did. */
    public enum Outcome {
        /** The codes name a place on the map in force. */
        AS_GIVEN,
        /** The codes belong to the other map and were mapped without ambiguity (old province, a kept code). */
        MAPPED,
        /** Accepted and placed as far as the codes allow (the province); a person must pick the rest. */
        NEEDS_TRIAGE,
        /** The codes name no place on either map, or places that do not fit together. */
        INVALID
    }

    /** One code that names no place: the field as a JSON path and why. */
    public record Problem(String field, String message) {
    }

    public boolean needsTriage() {
        return outcome == Outcome.NEEDS_TRIAGE || outcome == Outcome.INVALID;
    }

    public String province() {
        return chain.isEmpty() ? null : chain.getLast();
    }

    public String mostLocal() {
        return chain.isEmpty() ? null : chain.getFirst();
    }

    /** The place's chain on a given map, empty if it cannot be traced there. */
    public List<String> chainOn(String map) {
        return chains.getOrDefault(map, List.of());
    }
}
