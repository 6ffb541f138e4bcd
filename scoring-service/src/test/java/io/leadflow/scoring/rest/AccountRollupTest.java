package io.leadflow.scoring.rest;

import static io.leadflow.scoring.TestEngagements.pageView;
import static io.leadflow.scoring.TestEngagements.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.leadflow.events.AccountScored;
import io.leadflow.events.AccountStageChanged;
import io.leadflow.events.EngagementType;
import io.leadflow.events.EventSchemas;
import io.leadflow.events.Topics;
import io.leadflow.localinfra.DevTokens;
import io.leadflow.scoring.TestEngagements;
import io.leadflow.scoring.TestLeads;
import io.leadflow.scoring.Tokens;
import io.leadflow.testsupport.ReceivedEvent;
import io.leadflow.testsupport.TestRecords;
import io.leadflow.testsupport.TopicProbe;
import io.leadflow.scoring.messaging.AccountRollup;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Leads roll up to their company's account (docs/accounts.md): the default model caps a lead at 60 points and makes an
 * account an MQA at 100 points, fit B and two buying-group roles.
 */
@QuarkusTest
class AccountRollupTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int CROWD = 1500;
    private static final int COMPANIES = 500;

    @Inject
    AccountRollup rollup;

    @Inject
    Pool pool;

    @Test
    void leadsRollUpToTheirCompanysAccountAndTwoRolesMakeItAnMqaOnce() {
        try (TopicProbe accounts = TopicProbe.tail(Topics.ACCOUNTS)) {
            // given two companies, and a VP (fit B) and an engineer at the first, a developer at the second, and a
            // colleague writing from a free-mail address
            String engines = uniqueDomain("engines");
            String looms = uniqueDomain("looms");
            String ada = "ada@" + engines;
            String charles = "charles@" + engines;
            String grace = "grace@" + looms;
            String freeMail = "ada-" + UUID.randomUUID() + "@gmail.com";

            // when each of them engages well
            engage(ada, "VP Engineering");
            engage(freeMail, "VP Sales");
            engage(grace, "Developer");
            TestLeads.awaitScore(ada, 75);
            TestLeads.awaitScore(freeMail, 75);
            ReceivedEvent firstScore = accounts.awaitEvents(1, event -> engines.equals(event.key())
                    && AccountScored.TYPE.equals(event.ceType()) && event.data().get("score").asInt() == 60, WAIT).getFirst();
            engage(charles, "Software Engineer");
            TestLeads.awaitScore(charles, 75);

            // then the first account is an MQA once, its two leads in two roles, each adding the cap
            ReceivedEvent mqa = accounts.awaitEvents(1, event -> engines.equals(event.key())
                    && AccountStageChanged.TYPE.equals(event.ceType()), WAIT).getFirst();
            assertThat(EventSchemas.validate(AccountStageChanged.TYPE, mqa.data())).isEmpty();
            assertThat(mqa.data().get("to").asText()).isEqualTo("MQA");
            assertThat(mqa.data().get("score").asInt()).isEqualTo(120);
            assertThat(mqa.data().get("leads")).hasSize(2);
            assertThat(EventSchemas.validate(AccountScored.TYPE, firstScore.data())).isEmpty();
            assertThat(accounts.collectFor(Duration.ZERO)).as("one lead adds at most the cap, 60, not its 75")
                    .filteredOn(event -> engines.equals(event.key()) && AccountScored.TYPE.equals(event.ceType())
                            && event.data().get("leads").asInt() == 1)
                    .allMatch(event -> event.data().get("score").asInt() <= 60);
            // the second company is an account of its own, not an MQA with one role; the free-mail lead joins none
            accounts.awaitEvents(1, event -> looms.equals(event.key()), WAIT);
            List<ReceivedEvent> all = accounts.collectFor(Duration.ofSeconds(2));
            assertThat(all).noneMatch(event -> event.key().endsWith("gmail.com"));
            assertThat(all).filteredOn(event -> AccountStageChanged.TYPE.equals(event.ceType())).hasSize(1);

            // and the API shows the account with its leads and coverage
            given().header("Authorization", Tokens.ADMIN).when().get("/v1/accounts/" + engines.toUpperCase())
                    .then().statusCode(200)
                    .body("account", equalTo(engines), "score", equalTo(120), "grade", equalTo("B"), "stage", equalTo("MQA"),
                            "qualifications", equalTo(1), "coverage", containsInAnyOrder("DECISION_MAKER", "TECHNICAL_EVALUATOR"),
                            "leads.email", containsInAnyOrder(ada, charles));
            given().header("Authorization", Tokens.ADMIN).when().get("/v1/accounts/" + looms)
                    .then().statusCode(200).body("stage", equalTo("ENGAGED"), "coverage", containsInAnyOrder("TECHNICAL_EVALUATOR"));
            given().header("Authorization", Tokens.ADMIN).when().get("/v1/accounts/gmail.com")
                    .then().statusCode(404).contentType(startsWith("application/problem+json"));
        }
    }

    @Test
    void anErasedLeadLeavesItsAccountWhichIsScoredWithoutIt() {
        try (TopicProbe accounts = TopicProbe.tail(Topics.ACCOUNTS)) {
            // given an account of two engaged leads, an MQA
            String domain = uniqueDomain("erased");
            engage("ada@" + domain, "CTO");
            engage("bob@" + domain, "Buyer");
            String bob = TestLeads.awaitScore("bob@" + domain, 75).getString("id");
            TestLeads.awaitScore("ada@" + domain, 75);
            accounts.awaitEvents(1, event -> domain.equals(event.key()) && AccountStageChanged.TYPE.equals(event.ceType()), WAIT);

            try (TopicProbe afterErasure = TopicProbe.tail(Topics.ACCOUNTS)) {
                // when Bob is erased
                given().header("Authorization", DevTokens.bearer("dpo-7", "admin")).queryParam("reason", "GDPR art. 17")
                        .when().delete("/v1/leads/" + bob).then().statusCode(204);

                // then the account is scored again without him, no longer an MQA with one role left
                afterErasure.awaitEvents(1, event -> domain.equals(event.key()) && AccountScored.TYPE.equals(event.ceType())
                        && event.data().get("leads").asInt() == 1 && event.data().get("score").asInt() == 60, WAIT);
                afterErasure.awaitEvents(1, event -> domain.equals(event.key()) && AccountStageChanged.TYPE.equals(event.ceType())
                        && "ENGAGED".equals(event.data().get("to").asText()), WAIT);
            }
            // and the API no longer lists him
            given().header("Authorization", Tokens.ADMIN).when().get("/v1/accounts/" + domain)
                    .then().statusCode(200).body("leads.email", containsInAnyOrder("ada@" + domain), "coverage",
                            containsInAnyOrder("DECISION_MAKER"));
        }
    }

    @Test
    void aScoreChangeDeliveredAgainMovesNothingInItsAccount() {
        String domain = uniqueDomain("again");
        try (TopicProbe scores = TopicProbe.tail(Topics.LEAD_SCORES); TopicProbe accounts = TopicProbe.tail(Topics.ACCOUNTS)) {
            // given an account of one lead at the cap, and the score changes that put it there
            String ada = TestLeads.awaitScore(engaged("ada@" + domain, "CTO"), 75).getString("id");
            accounts.awaitEvents(1, event -> domain.equals(event.key()) && AccountScored.TYPE.equals(event.ceType())
                    && event.data().get("score").asInt() == 60, WAIT);
            List<ReceivedEvent> adasChanges = scores.collectFor(Duration.ofSeconds(1)).stream()
                    .filter(record -> record.value() != null && ada.equals(record.data().get("leadId").asText())).toList();
            assertThat(adasChanges).isNotEmpty();

            try (TopicProbe afterwards = TopicProbe.tail(Topics.ACCOUNTS)) {
                // when they are delivered again, and then a second lead of the account engages
                adasChanges.forEach(record -> TestRecords.send(Topics.LEAD_SCORES, record.key(), record.headers(), record.value()));
                TestLeads.awaitScore(engaged("bob@" + domain, "Buyer"), 75);

                // then the account changed only by the second lead: it counts two leads, never more
                afterwards.awaitEvents(1, event -> domain.equals(event.key()) && AccountScored.TYPE.equals(event.ceType())
                        && event.data().get("leads").asInt() == 2, WAIT);
                assertThat(afterwards.collectFor(Duration.ofSeconds(3))).filteredOn(event -> domain.equals(event.key())
                        && AccountScored.TYPE.equals(event.ceType())).extracting(event -> event.data().get("leads").asInt()).containsOnly(2);
                given().header("Authorization", Tokens.ADMIN).when().get("/v1/accounts/" + domain)
                        .then().statusCode(200).body("score", equalTo(120), "leadCount", equalTo(2));
            }
        }
    }

    @Test
    void fifteenHundredLeadsOfOneCompanyRollUpInOneTransaction() throws Throwable {
        // given 1,500 scored leads of one company, rolled up by the score feed, then taken out of their account
        String domain = uniqueDomain("crowd");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        for (int i = 0; i < CROWD; i++) {
            send(UUID.randomUUID().toString(), pageView("lead-" + i + "@" + domain, "https://example.com/", now, Map.of()));
        }
        Map<UUID, String> causes = rolledUpThenTakenOut(domain, CROWD);

        // when one transaction rolls them all up again (a chain of a step per lead overflowed the event loop's stack at a
        // few hundred, and the roll-up never ended)
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> rollup.leadsChanged(causes)).ifNoItem().after(WAIT).fail());

        // then the account holds them all
        given().header("Authorization", Tokens.ADMIN).when().get("/v1/accounts/" + domain)
                .then().statusCode(200).body("leadCount", equalTo(CROWD));
    }

    @Test
    void leadsOfFiveHundredCompaniesRollUpInOneTransactionEachAccountOnce() throws Throwable {
        // given a lead at each of 500 companies, rolled up by the score feed, then taken out of their accounts
        String companies = "-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        for (int i = 0; i < COMPANIES; i++) {
            send(UUID.randomUUID().toString(), pageView("lead@company-" + i + companies, "https://example.com/", now, Map.of()));
        }
        Map<UUID, String> causes = rolledUpThenTakenOut("%" + companies, COMPANIES);

        try (TopicProbe accounts = TopicProbe.tail(Topics.ACCOUNTS)) {
            // when one transaction rolls them all up again: each account locked, scored and announced in set-based steps
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> rollup.leadsChanged(causes)).ifNoItem().after(WAIT).fail());

            // then every company has its account again, holding its lead, scored once
            assertThat(rows("select account_key from account where leads = 1 and account_key like $1", "%" + companies)).hasSize(COMPANIES);
            Predicate<ReceivedEvent> scoredHere = event -> event.key().endsWith(companies)
                    && AccountScored.TYPE.equals(event.ceType());
            accounts.awaitEvents(COMPANIES, scoredHere, WAIT);
            assertThat(accounts.collectFor(Duration.ofSeconds(2))).filteredOn(scoredHere).extracting(ReceivedEvent::key)
                    .doesNotHaveDuplicates().hasSize(COMPANIES);
        }
    }

    @Test
    void anAccountThatIsNoDomainIsRefusedNamingTheField() {
        given().header("Authorization", Tokens.ADMIN).when().get("/v1/accounts/not a domain")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("errors[0].field", equalTo("account"));
        given().when().get("/v1/accounts/example.com").then().statusCode(401);
    }

    /**
     * Waits until the score feed rolled up {@code leads} leads to the accounts whose keys are {@code like} the pattern,
     * then takes them out again (parts and accounts); a fresh cause for each of those leads, to roll them up anew.
     */
    private Map<UUID, String> rolledUpThenTakenOut(String accountKeys, int leads) {
        await("the feed's roll-up of the leads").atMost(WAIT)
                .until(() -> rows("select lead_id from account_lead where account_key like $1", accountKeys).size() == leads);
        sql("delete from account_lead where account_key like $1", accountKeys);
        sql("delete from account where account_key like $1", accountKeys);
        Map<UUID, String> causes = new HashMap<>();
        rows("select id from lead where email like $1", "%@" + accountKeys).forEach(id -> causes.put((UUID) id, UUID.randomUUID().toString()));
        return causes;
    }

    private List<Object> rows(String query, String parameter) {
        List<Object> values = new ArrayList<>();
        pool.preparedQuery(query).execute(Tuple.of(parameter)).await().indefinitely().forEach(row -> values.add(row.getValue(0)));
        return values;
    }

    private void sql(String statement, String parameter) {
        pool.preparedQuery(statement).execute(Tuple.of(parameter)).await().indefinitely();
    }

    // a company no other test uses, under example.com (the email format checks the top-level domain)
    private static String uniqueDomain(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    }

    private static String engaged(String email, String jobTitle) {
        engage(email, jobTitle);
        return email;
    }

    // 5 + 30 + 40 = 75 points, within a minute of now so that nothing has faded yet
    private static void engage(String email, String jobTitle) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        send(UUID.randomUUID().toString(), pageView(email, "https://example.com/", now, Map.of("jobTitle", jobTitle, "country", "GB")));
        send(UUID.randomUUID().toString(), TestEngagements.of(email, EngagementType.TRIAL_STARTED, now.plusSeconds(1)));
        send(UUID.randomUUID().toString(), TestEngagements.of(email, EngagementType.PURCHASE_COMPLETED, now.plusSeconds(2)));
    }
}
