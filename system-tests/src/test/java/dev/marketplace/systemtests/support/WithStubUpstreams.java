package dev.marketplace.systemtests.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@code @ExtendWith(WithStubUpstreams.class)}: the seeded stub upstreams ({@link StubUpstreams}) run while the test
 * class runs, for tests that call seeded models served by them.
 */
public final class WithStubUpstreams implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WithStubUpstreams.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getStore(NAMESPACE).put("stubs", StubUpstreams.start());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        StubUpstreams stubs = context.getStore(NAMESPACE).remove("stubs", StubUpstreams.class);
        if (stubs != null) {
            stubs.close();
        }
    }
}
