package io.github.aksdaprwif.dapr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import io.dapr.exceptions.DaprException;
import io.grpc.Status;

/**
 * Transport failures no running sidecar produces on demand (a reset mid-call, an unknown gRPC code) are built here;
 * the codes daprd does send are proved against a real daprd in the @QuarkusTest classes.
 */
class DaprFailureClassifierTest {

    @Test
    void aConnectionRefusedBelowTheSdkIsAnUnreachableSidecar() {
        DaprException e = new DaprException(Status.UNAVAILABLE.withCause(new ConnectException("Connection refused"))
                .asRuntimeException());
        DaprFailure failure = DaprFailureClassifier.classify(e);
        assertEquals(FailureReason.SIDECAR_UNREACHABLE, failure.reason());
        assertEquals("UNAVAILABLE", failure.grpcStatus());
        assertTrue(failure.message().contains("Connection refused"), failure.message());
        assertEquals(503, failure.reason().httpStatus());
    }

    @Test
    void aKeyVaultSecretNotFoundIsToldApartFromAStoreFailure() {
        DaprFailure missing = DaprFailureClassifier.classify(Status.INTERNAL.withDescription(
                "failed getting secret with key nope from secret store kv: GET https://v.vault.azure.net/secrets/nope"
                        + "\nRESPONSE 404: 404 Not Found\nERROR CODE: SecretNotFound").asRuntimeException());
        assertEquals(FailureReason.SECRET_NOT_FOUND, missing.reason());
        DaprFailure identity = DaprFailureClassifier.classify(Status.INTERNAL.withDescription(
                "failed getting secret with key dapr from secret store kv: WorkloadIdentityCredential authentication "
                        + "failed. AADSTS70021: No matching federated identity record found").asRuntimeException());
        assertEquals(FailureReason.STORE_FAILURE, identity.reason());
        assertEquals("ERR_SECRET_GET", identity.daprErrorCode());
        assertTrue(identity.reason().hint().contains("federated credential"));
    }

    @Test
    void anIdentityErrorThatSaysNotFoundIsAStoreFailureNotAMissingSecret() {
        DaprFailure unknownClient = DaprFailureClassifier.classify(Status.INTERNAL.withDescription(
                "failed getting secret with key dapr from secret store kv: WorkloadIdentityCredential: AADSTS700016: "
                        + "Application with identifier '5f3c' was not found in the directory").asRuntimeException());
        assertEquals(FailureReason.STORE_FAILURE, unknownClient.reason());
        DaprFailure forbidden = DaprFailureClassifier.classify(Status.INTERNAL.withDescription(
                "failed getting secret with key dapr from secret store kv: RESPONSE 403: 403 Forbidden ERROR CODE: "
                        + "Forbidden x-ms-request-id: 4044c2e1-0404-4404-8404-404040404040").asRuntimeException());
        assertEquals(FailureReason.STORE_FAILURE, forbidden.reason());
        DaprFailure localFile = DaprFailureClassifier.classify(Status.INTERNAL.withDescription(
                "failed getting secret with key nope from secret store s: secret nope not found").asRuntimeException());
        assertEquals(FailureReason.SECRET_NOT_FOUND, localFile.reason());
    }

    @Test
    void noSecretStoreAtAllHasItsOwnCode() {
        DaprFailure failure = DaprFailureClassifier.classify(
                Status.FAILED_PRECONDITION.withDescription("secret store is not configured").asRuntimeException());
        assertEquals(FailureReason.STORES_NOT_CONFIGURED, failure.reason());
        assertEquals("ERR_SECRET_STORES_NOT_CONFIGURED", failure.daprErrorCode());
    }

    @Test
    void anUnknownFailureIsUnexpectedNotHidden() {
        DaprFailure failure = DaprFailureClassifier.classify(new IllegalStateException("boom"));
        assertEquals(FailureReason.UNEXPECTED, failure.reason());
        assertNull(failure.grpcStatus());
        assertEquals("IllegalStateException: boom", failure.message());
        assertEquals(FailureReason.UNEXPECTED,
                DaprFailureClassifier.classify(Status.DATA_LOSS.asRuntimeException()).reason());
    }
}
