package io.github.aksdaprwif.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The Allow header of a 405 is read from the resources' annotations. */
class AllowedMethodsTest {

    @Test
    void namesTheMethodsOfEachPath() {
        assertEquals(Optional.of("GET, HEAD"), AllowedMethods.of("/secret"));
        assertEquals(Optional.of("POST"), AllowedMethods.of("/secret/refresh"));
        assertEquals(Optional.of("GET, HEAD"), AllowedMethods.of("/secrets/any/thing"));
        assertEquals(Optional.empty(), AllowedMethods.of("/nope"));
    }
}
