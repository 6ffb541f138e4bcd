package io.leadflow.scoring.domain.model;

import java.util.function.BiConsumer;

/** The accounts part of {@link ScoringModelValidator}: a positive cap and half-life, complete MQA thresholds. */
final class AccountModelChecks {

    private final BiConsumer<String, String> problem;

    AccountModelChecks(BiConsumer<String, String> problem) {
        this.problem = problem;
    }

    void check(String path, AccountModel accounts) {
        if (accounts.perLeadCap() == null) {
            problem.accept(path + ".perLeadCap", "is required");
        } else if (accounts.perLeadCap() <= 0) {
            problem.accept(path + ".perLeadCap", "must be positive");
        }
        if (accounts.halfLife() != null && (accounts.halfLife().isZero() || accounts.halfLife().isNegative())) {
            problem.accept(path + ".halfLife", "must be positive (leave it out for no decay)");
        }
        AccountModel.Mqa mqa = accounts.mqa();
        if (mqa == null) {
            problem.accept(path + ".mqa", "is required");
            return;
        }
        if (mqa.engagement() == null) {
            problem.accept(path + ".mqa.engagement", "is required");
        } else if (mqa.engagement() <= 0) {
            problem.accept(path + ".mqa.engagement", "must be positive");
        }
        if (mqa.fit() == null) {
            problem.accept(path + ".mqa.fit", "is required");
        }
        if (mqa.roles() != null && (mqa.roles() < 0 || mqa.roles() > 5)) {
            problem.accept(path + ".mqa.roles", "must be between 0 and 5, the buying-group roles there are");
        }
        for (int i = 0; i < accounts.freeMailDomains().size(); i++) {
            String domain = accounts.freeMailDomains().get(i);
            if (domain == null || domain.isBlank() || domain.contains("@")) {
                problem.accept(path + ".freeMailDomains[" + i + "]", "must be a domain such as mail.example");
            }
        }
    }
}
