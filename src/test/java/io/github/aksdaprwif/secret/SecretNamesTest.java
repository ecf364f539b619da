package io.github.aksdaprwif.secret;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretNamesTest {

    @ParameterizedTest
    @ValueSource(strings = { "dapr", "my-secret-1", "db:password", "a.b", "Ünïcode", "x" })
    void namesSomeStoreAcceptsPass(String name) {
        assertTrue(SecretNames.problem(name).isEmpty(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "a/b", "a\\b", "..", ".", "a/../b", "a\u0000b", "a\nb", "a\u007Fb" })
    void namesNoStoreAcceptsAreRefused(String name) {
        assertTrue(SecretNames.problem(name).isPresent(), name);
    }

    @ParameterizedTest
    @ValueSource(ints = { 128, 10_000 })
    void overLongNamesAreRefused(int length) {
        assertTrue(SecretNames.problem("a".repeat(length)).isPresent());
        assertTrue(SecretNames.problem("a".repeat(127)).isEmpty());
    }
}
