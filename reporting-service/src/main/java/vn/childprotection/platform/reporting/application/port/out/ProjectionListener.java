package vn.childprotection.platform.reporting.application.port.out;

/** Told after the projections changed (the live stream of the dashboard, debounced by the adapter). */
public interface ProjectionListener {

    void projectionsChanged(long eventsApplied);
}
