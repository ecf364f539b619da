package io.github.aksdaprwif.rest;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.aksdaprwif.config.SecretsConfig;
import io.github.aksdaprwif.secret.SecretSnapshot;

/**
 * The start-up secret's JSON, serialised once per snapshot and second of age rather than once per request:
 * GET /secret is the hot path, and its answer changes only when the snapshot does or its age ticks.
 */
@ApplicationScoped
public class SecretJson {

    private final ObjectMapper mapper;
    private final boolean reveal;
    private final AtomicReference<Cached> last = new AtomicReference<>();

    SecretJson(ObjectMapper mapper, SecretsConfig config) {
        this.mapper = mapper;
        this.reveal = config.reveal();
    }

    public String of(SecretSnapshot snapshot, Instant now) {
        long ageSeconds = snapshot.age(now).toSeconds();
        Cached cached = last.get();
        if (cached != null && cached.snapshot() == snapshot && cached.ageSeconds() == ageSeconds) {
            return cached.json();
        }
        String json;
        try {
            json = mapper.writeValueAsString(SecretView.of(snapshot, reveal, now));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SecretView always serialises", e);
        }
        last.set(new Cached(snapshot, ageSeconds, json));
        return json;
    }

    private record Cached(SecretSnapshot snapshot, long ageSeconds, String json) {
    }
}
