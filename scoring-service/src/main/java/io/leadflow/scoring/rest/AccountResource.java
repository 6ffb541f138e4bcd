package io.leadflow.scoring.rest;

import io.leadflow.apisecurity.Roles;
import io.leadflow.problems.Problem;
import io.leadflow.scoring.domain.account.AccountKeys;
import io.leadflow.scoring.persistence.AccountLead;
import io.leadflow.scoring.persistence.AccountLeadRepository;
import io.leadflow.scoring.persistence.AccountRepository;
import io.leadflow.scoring.persistence.Lead;
import io.leadflow.scoring.persistence.LeadRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;

/** Accounts: the companies leads roll up to (docs/accounts.md), with their score, fit, stage, coverage and leads. */
@Path("/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    /** The most leads an account's answer lists (those with the most points); {@code leadCount} says how many it has. */
    static final int LEADS_SHOWN = 100;

    private final AccountRepository accounts;
    private final AccountLeadRepository accountLeads;
    private final LeadRepository leads;

    public AccountResource(AccountRepository accounts, AccountLeadRepository accountLeads, LeadRepository leads) {
        this.accounts = accounts;
        this.accountLeads = accountLeads;
        this.leads = leads;
    }

    // the roles that read leads (LeadResource): an account lists its leads' emails
    @GET
    @Path("/{account}")
    @RolesAllowed({Roles.MARKETING_OPS, Roles.SALES_MANAGER, Roles.ADMIN})
    @WithSession
    @Operation(summary = "An account by its domain (or crm:<id>), with its score, fit, stage, buying-group coverage and leads")
    @APIResponse(responseCode = "200", description = "The account")
    @APIResponse(responseCode = "400", description = "The account is no domain and no crm:<id>",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No lead rolls up to this account",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<AccountView> byKey(@Parameter(description = "The company's domain, such as acme.example, or crm:<CRM account id>")
            @RestPath String account) {
        String key = account.startsWith(AccountKeys.CRM_PREFIX) ? account.trim() : account.trim().toLowerCase(Locale.ROOT);
        if (!AccountKeys.isKey(key)) {
            throw new InvalidInputException("account", "must be a domain such as acme.example, or crm: and a CRM account id");
        }
        return accounts.findById(key)
                .onItem().ifNull().failWith(() -> new UnknownResourceException("no lead rolls up to the account " + key))
                .flatMap(found -> accountLeads.top(key, LEADS_SHOWN).flatMap(members -> leadsOf(members)
                        .map(byId -> AccountView.of(found, members.stream().map(AccountLead::member).toList(), byId))));
    }

    private Uni<Map<UUID, Lead>> leadsOf(List<AccountLead> members) {
        List<UUID> ids = members.stream().map(member -> member.member().leadId()).toList();
        return ids.isEmpty() ? Uni.createFrom().item(Map.of())
                : leads.list("id in ?1", ids).map(found -> found.stream().collect(Collectors.toMap(Lead::id, Function.identity())));
    }
}
