package dev.marketplace.onboarding.registry.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.marketplace.onboarding.registry.domain.ModelForm;
import dev.marketplace.onboarding.signup.domain.FieldError;
import dev.marketplace.onboarding.testing.TestDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ModelRegistryTest {

    @RegisterExtension
    static final TestDatabase db = TestDatabase.perClass();
    private ModelRegistry registry;
    private long acme;
    private long rival;

    @BeforeEach
    void providers() throws SQLException {
        db.execute("truncate provider_member, inbox_notice, model_author, listing, model, provider_endpoint, provider cascade");
        acme = db.provider("acme");
        rival = db.provider("rival");
        db.member(acme, "alice");
        registry = new ModelRegistry(db.dataSource());
    }

    private static ModelForm form(String slug, String name) {
        return new ModelForm(slug, name, "A model.", Set.of("text", "image"), Set.of("text"), 131_072, 8_192);
    }

    private long proposal(String slug, long provider) throws SQLException {
        return db.longValue("insert into model (slug, name, context_length, max_output_tokens, registry_status, proposed_by) "
                + "values (?, 'Proposed', 4096, 1024, 'proposed', ?) returning id", slug, provider);
    }

    @Test
    void anAdminCreatesAndEditsModelsAudited() throws SQLException {
        long id = registry.create("admin", form("meta/llama-4", "Llama 4"));
        assertEquals("{image,text}", db.string("select input_modalities::text from model where id = " + id));
        registry.update("admin", id, form("meta/llama-4", "Llama 4 Scout"));
        assertEquals("Llama 4 Scout", registry.models().get(0).name());
        assertEquals("model.create,model.update", db.string("select string_agg(action, ',' order by id) from audit_log where target = 'model:" + id + "'"));
        RegistryException taken = assertThrows(RegistryException.class, () -> registry.create("admin", form("meta/llama-4", "Again")));
        assertEquals("slug", taken.fieldErrors().get(0).field());
        RegistryException renamed = assertThrows(RegistryException.class, () -> registry.update("admin", id, form("meta/other", "X")));
        assertEquals("slug", renamed.fieldErrors().get(0).field());
    }

    @Test
    void theFormNamesEveryBadField() {
        RegistryException e = assertThrows(RegistryException.class, () -> registry.create("admin",
                new ModelForm("No Slash", "", "", Set.of(), Set.of("smell"), 0, 5)));
        assertEquals(List.of("slug", "name", "inputModalities", "outputModalities", "contextLength", "maxOutputTokens"),
                e.fieldErrors().stream().map(FieldError::field).toList());
    }

    @Test
    void acceptingAProposalClaimsAFreeNamespaceForTheProposer() throws SQLException {
        long id = proposal("newco/alpha", acme);
        assertEquals(List.of("newco/alpha"), registry.proposals().stream().map(RegistryModel::slug).toList());
        registry.accept("admin", id);
        assertEquals("accepted", db.string("select registry_status from model where id = " + id));
        assertEquals(acme, db.longValue("select provider_id from model_author where author = 'newco'"));
        assertEquals("model.accept", db.string("select action from audit_log where target = 'model:" + id + "'"));
        assertTrue(db.string("select body from inbox_notice where username = 'alice'").contains("'newco' is yours now"));
        assertThrows(RegistryException.class, () -> registry.accept("admin", id), "a decision is final");
    }

    @Test
    void aProposalUnderANamespaceAnotherProviderClaimedMeanwhileCannotBeAccepted() throws SQLException {
        long id = proposal("newco/alpha", acme);
        db.execute("insert into model_author (author, provider_id) values ('newco', " + rival + ")");
        assertTrue(assertThrows(RegistryException.class, () -> registry.accept("admin", id)).getMessage()
                .contains("belongs to another provider"));
        assertEquals("proposed", db.string("select registry_status from model where id = " + id));
    }

    @Test
    void aRejectionNeedsAReasonTheProviderIsTold() throws SQLException {
        long id = proposal("acme/beta", acme);
        assertThrows(RegistryException.class, () -> registry.reject("admin", id, "no"));
        registry.reject("admin", id, "duplicate of meta/llama-4");
        assertEquals("rejected|duplicate of meta/llama-4",
                db.string("select registry_status || '|' || decision_reason from model where id = " + id));
        assertTrue(db.string("select body from inbox_notice where username = 'alice'").contains("duplicate of meta/llama-4"));
        assertEquals(0, db.longValue("select count(*) from model_author"));
        assertEquals(List.of(), registry.proposals());
    }
}
