package io.github.aksdaprwif.secret;

import jakarta.inject.Singleton;

import io.github.aksdaprwif.config.SecretsConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Skips the periodic refresh when {@code secrets.refresh.interval} is 0, the documented way to turn it off. */
@Singleton
public class RefreshOff implements Scheduled.SkipPredicate {

    private final boolean off;

    RefreshOff(SecretsConfig config) {
        this.off = config.refresh().interval().isZero();
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return off;
    }
}
