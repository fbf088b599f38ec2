package org.newsdesk.bench;

import java.util.List;
import java.util.concurrent.Callable;

import org.newsdesk.devstack.Devstack;
import org.newsdesk.devstack.Launcher;
import org.newsdesk.devstack.ProjectLayout;
import org.newsdesk.devstack.SuiteServices;

/**
 * The benchmarks' own stack under {@code ~/.newsdesk/bench}, on the dev stack's ports: each measurement starts it
 * from empty PostgreSQL and Kafka data, so a figure never depends on what an earlier run left behind.
 */
final class BenchStack {

    private BenchStack() {
    }

    /** Stops the dev suite (its data is kept; {@code ./newsdesk up} starts it again) and returns the bench stack. */
    static Devstack replacingDevSuite() throws Exception {
        Devstack dev = Devstack.forProfile("dev");
        List<String> stopped = Launcher.stopSuite(dev, new SuiteServices(dev.settings(), ProjectLayout.root()));
        if (!stopped.isEmpty()) {
            System.out.println("stopped the dev suite for the benchmark (" + String.join(", ", stopped)
                    + "); ./newsdesk up starts it again");
        }
        return new Devstack(dev.settings().withHome(dev.settings().home().resolveSibling("bench")));
    }

    /**
     * Stops whatever runs of the bench stack, empties its data, starts its servers and {@code services} (with the
     * seeds when asked), runs {@code work} and stops everything again, whatever {@code work} did.
     */
    static <T> T onFreshSuite(Devstack bench, SuiteServices services, boolean seeds, Callable<T> work) throws Exception {
        SuiteServices everything = new SuiteServices(bench.settings(), ProjectLayout.root());
        Launcher.stopSuite(bench, everything);
        bench.deleteData();
        try {
            Launcher.startSuite(bench, services, seeds);
            return work.call();
        } finally {
            Launcher.stopSuite(bench, everything);
        }
    }
}
