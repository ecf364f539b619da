package io.github.aksdaprwif.identity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One finding about the pod's workload identity.
 *
 * @param detail what was found, in one sentence
 * @param fix what to do, in one line; null when there is nothing to do
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Check(String name, Verdict verdict, String detail, String fix) {

    static Check pass(String name, String detail) {
        return new Check(name, Verdict.PASS, detail, null);
    }

    static Check skip(String name, String detail) {
        return new Check(name, Verdict.SKIP, detail, null);
    }

    static Check warn(String name, String detail, String fix) {
        return new Check(name, Verdict.WARN, detail, fix);
    }

    static Check fail(String name, String detail, String fix) {
        return new Check(name, Verdict.FAIL, detail, fix);
    }
}
