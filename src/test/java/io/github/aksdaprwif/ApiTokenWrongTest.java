package io.github.aksdaprwif;

import org.junit.jupiter.api.Test;

import io.github.aksdaprwif.testing.DaprdResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** daprd requires an API token and the app sends another: the error names DAPR_API_TOKEN. */
@QuarkusTest
@WithTestResource(value = DaprdResource.class, initArgs = {
        @ResourceArg(name = "daprd-token", value = "s3cr3t-token"),
        @ResourceArg(name = "app-token", value = "not-the-token") })
class ApiTokenWrongTest {

    @Test
    void theWrongTokenIsReportedWithWhatToSet() {
        ApiTokenMissingTest.assertTokenRejected();
    }
}
