package vn.childprotection.platform.audit.application;

import vn.childprotection.platform.audit.application.port.out.PurgeMarkers;
import vn.childprotection.platform.audit.domain.PurgeMarker;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The purge markers in memory, for the use cases' tests. */
final class InMemoryPurgeMarkers implements PurgeMarkers {

    final Map<String, PurgeMarker> markers = new TreeMap<>();

    @Override
    public Optional<PurgeMarker> find(String producer) {
        return Optional.ofNullable(markers.get(producer));
    }

    @Override
    public Map<String, PurgeMarker> find(Collection<String> producers) {
        Map<String, PurgeMarker> found = new HashMap<>();
        producers.forEach(p -> Optional.ofNullable(markers.get(p)).ifPresent(m -> found.put(p, m)));
        return found;
    }

    @Override
    public Set<String> producers() {
        return Set.copyOf(markers.keySet());
    }

    @Override
    public void advance(PurgeMarker marker) {
        markers.merge(marker.producer(), marker, (before, after) ->
                after.anchor().sequence() > before.anchor().sequence() ? after : before);
    }
}
