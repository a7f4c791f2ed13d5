package vn.childprotection.platform.audit.application.port.out;

import vn.childprotection.platform.audit.domain.PurgeMarker;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What retention removed from the head of each chain, one marker per producer; a marker only moves forward. */
public interface PurgeMarkers {

    Optional<PurgeMarker> find(String producer);

    /** The markers of these producers (producers without one are left out). */
    Map<String, PurgeMarker> find(Collection<String> producers);

    /** Every producer with a marker. */
    Set<String> producers();

    /** Saves the marker unless the producer's stored one is already at or beyond its anchor. */
    void advance(PurgeMarker marker);
}
